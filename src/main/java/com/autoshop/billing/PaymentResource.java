package com.autoshop.billing;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.billing.dto.PaymentInput;
import com.autoshop.billing.dto.VoidInput;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.idempotency.Answer;
import com.autoshop.platform.idempotency.Idempotency;
import com.autoshop.platform.idempotency.IdempotencyKey;
import com.autoshop.platform.json.JsonBodies;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payments of an appointment. Recording a payment and voiding one honour {@code Idempotency-Key} for 24 h:
 * the same key with the same body answers the first answer again (header {@code Idempotent-Replayed: true})
 * without a second payment; the same key with another body is 422.
 */
@Path("/appointments/{id}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {

    private final PaymentService service;
    private final Idempotency idempotency;
    private final CurrentActor actor;
    private final JsonBodies json;

    public PaymentResource(PaymentService service, Idempotency idempotency, CurrentActor actor, JsonBodies json) {
        this.service = service;
        this.idempotency = idempotency;
        this.actor = actor;
        this.json = json;
    }

    /** The appointment's payments, oldest first (voids are negative rows), with its total, paid and balance. */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.list(id, Limits.pageSize(limit), cursor)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"))
                .map(listed -> JsonText.object()
                        .raw("items", "[" + String.join(",", listed.payments().items()) + "]")
                        .string("nextCursor", listed.payments().nextCursor())
                        .raw("appointment", listed.appointment())
                        .build());
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> get(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        return service.one(id, paymentId);
    }

    /**
     * Records a payment: 201 with the payment and the appointment's new totalCents, paidCents, balanceCents and
     * version. More than the balance due is 409; so is a payment on a CANCELED or NO_SHOW appointment.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.ACCOUNTANT })
    public Uni<Response> record(@PathParam("id") UUID id, @Valid @NotNull PaymentInput body,
            @Parameter(description = "Any unique string (a UUID) to make retries safe; remembered 24 h")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        IdempotencyKey key = idempotency.key(idempotencyKey, actor.name(), "POST", "/appointments/" + id + "/payments",
                body);
        return service.record(id, body, key, actor.name()).map(Answer::toResponse);
    }

    /**
     * Voids a payment with a reversing row (negative amount, voidsPaymentId naming it): 201 with that row and the
     * appointment's new figures. A payment is voided once at most; a void cannot be voided (409). The body
     * {@code {note}} is optional, so a bare POST (no body, no Content-Type) is accepted.
     */
    @POST
    @Path("/{paymentId}/void")
    @RolesAllowed({ Roles.OWNER, Roles.ACCOUNTANT })
    public Uni<Response> voidPayment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VoidInput.class))) String body,
            @Parameter(description = "Any unique string (a UUID) to make retries safe; remembered 24 h")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        VoidInput input = body == null || body.isBlank() ? VoidInput.NONE : json.read(body, VoidInput.class);
        IdempotencyKey key = idempotency.key(idempotencyKey, actor.name(), "POST",
                "/appointments/" + id + "/payments/" + paymentId + "/void", input);
        return service.voidPayment(id, paymentId, input, key, actor.name()).map(Answer::toResponse);
    }
}
