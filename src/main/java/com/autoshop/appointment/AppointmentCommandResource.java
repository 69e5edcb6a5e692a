package com.autoshop.appointment;

import com.autoshop.appointment.AppointmentStore.Written;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.http.ETags;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Changes to one appointment from the drawer and the mobile app: edits and the workflow steps. */
@Path("/appointments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentCommandResource {

    private final AppointmentService service;
    private final CurrentActor actor;

    public AppointmentCommandResource(AppointmentService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    /** JSON Merge Patch of vehicleId, technicianId, startsAt, endsAt, title, notes, status; If-Match: "version". */
    @PATCH
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(id, patch, ifMatch, actor.name()).map(AppointmentCommandResource::ok);
    }

    /** Sets checkInAt (once); the status does not change. */
    @POST
    @Path("/check-in")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> checkIn(@PathParam("id") UUID id) {
        return service.checkIn(id, actor.name()).map(AppointmentCommandResource::ok);
    }

    /** Sets checkOutAt (once, after a check-in); the status does not change. */
    @POST
    @Path("/check-out")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> checkOut(@PathParam("id") UUID id) {
        return service.checkOut(id, actor.name()).map(AppointmentCommandResource::ok);
    }

    /** SCHEDULED to IN_PROGRESS; sets startedAt once. */
    @POST
    @Path("/start")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> start(@PathParam("id") UUID id) {
        return service.transition(id, AppointmentStatus.IN_PROGRESS, actor.name()).map(AppointmentCommandResource::ok);
    }

    /** SCHEDULED or IN_PROGRESS to READY. */
    @POST
    @Path("/ready")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> ready(@PathParam("id") UUID id) {
        return service.transition(id, AppointmentStatus.READY, actor.name()).map(AppointmentCommandResource::ok);
    }

    /** IN_PROGRESS or READY to COMPLETED; sets completedAt once. Not for technicians. */
    @POST
    @Path("/complete")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> complete(@PathParam("id") UUID id) {
        return service.transition(id, AppointmentStatus.COMPLETED, actor.name()).map(AppointmentCommandResource::ok);
    }

    static Response ok(Written written) {
        return Response.ok(written.json(), MediaType.APPLICATION_JSON)
                .header("ETag", ETags.ofVersion(written.version())).build();
    }
}
