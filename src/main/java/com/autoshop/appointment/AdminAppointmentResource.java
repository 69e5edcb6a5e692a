package com.autoshop.appointment;

import com.autoshop.appointment.dto.CreateAppointment;
import com.autoshop.appointment.dto.MoveRequest;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.JsonFields;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.problem.ApiProblem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AdminAppointmentResource {

    private final AppointmentListQuery list;
    private final AppointmentService service;
    private final CurrentActor actor;

    public AdminAppointmentResource(AppointmentListQuery list, AppointmentService service, CurrentActor actor) {
        this.list = list;
        this.service = service;
        this.actor = actor;
    }

    /**
     * Books an appointment with its services in one transaction. 409 CONFLICT with
     * {@code conflictingAppointmentIds} when the vehicle or the technician is already booked then.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> create(@Valid @NotNull CreateAppointment body) {
        return service.create(body, actor.name()).map(created -> {
            String json = JsonText.withMember(created[0], "services", created[1]);
            String id = JsonFields.string(created[0], "id");
            return Response.created(URI.create("appointments/" + id)).entity(json)
                    .type(MediaType.APPLICATION_JSON).header("ETag", ETags.ofVersion(0)).build();
        });
    }

    /** Board drag and drop: {status, position, version}; a stale version is 409 STALE_VERSION. */
    @PATCH
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest body) {
        return service.move(id, body, actor.hasRole(Roles.TECH), actor.name()).map(AppointmentCommandResource::ok);
    }

    /** Soft delete: the slot can be booked again. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id, actor.name()).map(ignored -> Response.noContent().build());
    }

    /**
     * Appointment rows with customer name and vehicle label. {@code status} takes one status or a
     * comma-separated list; {@code order} is {@code asc} (default, by start) or {@code desc}.
     */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> list(@QueryParam("status") String status, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("technicianId") UUID technicianId, @QueryParam("q") String q,
            @QueryParam("order") String order, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        var filter = new AppointmentListQuery.Filter(AppointmentStatus.parseAll(status), from, to, technicianId, q, descending(order),
                Limits.pageSize(limit), cursor);
        return list.list(filter).map(page -> JsonText.page(page.items(), page.nextCursor()));
    }

    private static boolean descending(String order) {
        if (order == null || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ApiProblem.invalid("order", "must be asc or desc");
    }
}
