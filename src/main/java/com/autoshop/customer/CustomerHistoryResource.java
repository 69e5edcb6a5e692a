package com.autoshop.customer;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerHistoryResource {

    private final CustomerHistoryQuery history;
    private final CurrentActor actor;

    public CustomerHistoryResource(CustomerHistoryQuery history, CurrentActor actor) {
        this.history = history;
        this.actor = actor;
    }

    /** Past appointments with their payments; a customer sees only their own (anyone else's is 404). */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.CUSTOMER })
    public Uni<Response> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (actor.isCustomer() && !actor.customerId().orElseThrow().equals(id)) {
            throw ApiProblem.notFound("Customer");
        }
        return history.load(id, Limits.pageSize(limit), cursor)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Customer"))
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }
}
