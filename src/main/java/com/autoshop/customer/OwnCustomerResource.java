package com.autoshop.customer;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.customer.dto.OwnCustomerView;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's own view in the mobile app: their record, past visits and vehicles. */
@Path("/customers/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer accounts")
public class OwnCustomerResource {

    private final CustomerService customers;
    private final CustomerHistoryQuery history;
    private final OwnVehiclesQuery vehicles;
    private final CurrentActor actor;

    public OwnCustomerResource(CustomerService customers, CustomerHistoryQuery history, OwnVehiclesQuery vehicles,
            CurrentActor actor) {
        this.customers = customers;
        this.history = history;
        this.vehicles = vehicles;
        this.actor = actor;
    }

    /** The customer's record (without the shop's internal notes, tags and VIP flag). */
    @GET
    public Uni<Response> me(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return customers.get(self()).map(view -> ETags.conditional(ifNoneMatch, ETags.ofVersion(view.version()),
                OwnCustomerView.of(view), MediaType.APPLICATION_JSON));
    }

    /** Past appointments with their payments, newest first: the same page as /api/customers/{id}/history. */
    @GET
    @Path("/history")
    public Uni<Response> history(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return history.load(self(), Limits.pageSize(limit), cursor)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Customer"))
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }

    /** The customer's live vehicles, primary first. */
    @GET
    @Path("/vehicles")
    public Uni<Response> vehicles(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return vehicles.load(self())
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }

    private UUID self() {
        return actor.customerId().orElseThrow();
    }
}
