package com.autoshop.appointment;

import com.autoshop.auth.Roles;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentResource {

    private final AppointmentDrawerQuery drawer;

    public AppointmentResource(AppointmentDrawerQuery drawer) {
        this.drawer = drawer;
    }

    /** The drawer: appointment, customer, vehicle, technician, services, latest 20 messages and payments. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<Response> drawer(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return drawer.load(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"))
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }
}
