package com.autoshop.appointment;

import com.autoshop.appointment.LineItemStore.Written;
import com.autoshop.appointment.dto.LineItemInput;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.json.JsonText;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service lines of an appointment; every answer carries the appointment's new total and version. */
@Path("/appointments/{id}/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Line items")
public class LineItemResource {

    private final LineItemService service;
    private final CurrentActor actor;

    public LineItemResource(LineItemService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> list(@PathParam("id") UUID id) {
        return service.list(id).map(written -> JsonText.object().raw("items", written.line())
                .number("appointmentTotalCents", written.totalCents())
                .number("appointmentVersion", written.appointmentVersion()).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> add(@PathParam("id") UUID id, @Valid @NotNull LineItemInput body) {
        return service.add(id, body, actor.name()).map(written -> {
            String lineId = com.autoshop.platform.json.JsonFields.string(written.line(), "id");
            return Response.created(URI.create("appointments/" + id + "/services/" + lineId))
                    .entity(answer(written)).type(MediaType.APPLICATION_JSON).build();
        });
    }

    /** Merge patch of name, priceCents, estimatedHours, category, notes; technicians may change notes only. */
    @PATCH
    @Path("/{serviceId}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<String> change(@PathParam("id") UUID id, @PathParam("serviceId") UUID serviceId, JsonNode patch) {
        return service.change(id, serviceId, patch, actor.hasRole(Roles.TECH), actor.name())
                .map(LineItemResource::answer);
    }

    @DELETE
    @Path("/{serviceId}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<String> remove(@PathParam("id") UUID id, @PathParam("serviceId") UUID serviceId) {
        return service.remove(id, serviceId, actor.name()).map(LineItemResource::answer);
    }

    private static String answer(Written written) {
        return JsonText.object().raw("service", written.line())
                .number("appointmentTotalCents", written.totalCents())
                .number("appointmentVersion", written.appointmentVersion()).build();
    }
}
