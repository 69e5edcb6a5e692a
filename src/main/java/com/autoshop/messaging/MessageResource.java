package com.autoshop.messaging;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.messaging.dto.DeliveryReport;
import com.autoshop.messaging.dto.MessageInput;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.idempotency.Answer;
import com.autoshop.platform.idempotency.Idempotency;
import com.autoshop.platform.idempotency.IdempotencyKey;
import com.autoshop.platform.json.JsonBodies;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Messages of an appointment: the history (newest first), sending (queued in the outbox, then sent by the
 * dispatcher), and the SMS provider's delivery webhook.
 */
@Path("/appointments/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessageResource {

    private final MessageService service;
    private final Idempotency idempotency;
    private final WebhookSignature signature;
    private final JsonBodies json;
    private final CurrentActor actor;

    public MessageResource(MessageService service, Idempotency idempotency, WebhookSignature signature, JsonBodies json,
            CurrentActor actor) {
        this.service = service;
        this.idempotency = idempotency;
        this.signature = signature;
        this.json = json;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<String> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.list(id, Limits.pageSize(limit), cursor)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"))
                .map(page -> JsonText.page(page.items(), page.nextCursor()));
    }

    /** One message: its status (queued, sending, delivered, failed), attempts and failure reason. */
    @GET
    @Path("/{messageId}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<String> get(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        return service.one(id, messageId);
    }

    /**
     * Sends a message to the appointment's customer: 201 with the message, queued. SMS needs a phone number and
     * an SMS consent that is not denied, email an email address (409 otherwise, with {@code reason}). At most 20
     * messages per customer per 24 h and 200 per shop per hour (429 with Retry-After). Idempotency-Key honoured.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> send(@PathParam("id") UUID id, @Valid @NotNull MessageInput body,
            @Parameter(description = "Any unique string (a UUID) to make retries safe; remembered 24 h")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        IdempotencyKey key = idempotency.key(idempotencyKey, actor.name(), "POST", "/appointments/" + id + "/messages",
                body);
        return service.send(id, body, key, actor.name()).map(Answer::toResponse);
    }

    /**
     * The SMS provider's delivery receipt ({@code {status: delivered|failed, failureReason?, providerRef?}}). No
     * bearer token: {@code X-Webhook-Signature} must be the hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET
     * (401 otherwise). A repeated receipt changes nothing; a delivered message cannot become failed (409).
     */
    @PATCH
    @Path("/{messageId}")
    @PermitAll
    @SecurityRequirements
    public Uni<String> deliveryReceipt(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
            @Parameter(description = "Hex HMAC-SHA256 of the raw body, keyed with WEBHOOK_SECRET (optionally 'sha256=' first)")
            @HeaderParam(WebhookSignature.HEADER) String signed,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryReport.class))) byte[] body) {
        signature.verify(signed, body);
        DeliveryReport report = json.read(new String(body, StandardCharsets.UTF_8), DeliveryReport.class);
        return service.receipt(id, messageId, report);
    }
}
