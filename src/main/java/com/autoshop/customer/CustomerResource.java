package com.autoshop.customer;

import com.autoshop.auth.AccountStatus;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.customer.dto.CustomerInput;
import com.autoshop.customer.dto.CustomerView;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.time.ShopClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    static final int DEFAULT_PROFILE_APPOINTMENTS = 25;
    static final int MAX_PROFILE_APPOINTMENTS = 100;
    private static final Set<String> INCLUDES = Set.of("appointments", "appointmentDetails");

    private final CustomerService service;
    private final CustomerSearchQuery search;
    private final CustomerProfileQuery profile;
    private final CurrentActor actor;
    private final ShopClock clock;
    private final AccountStatus accounts;

    public CustomerResource(CustomerService service, CustomerSearchQuery search, CustomerProfileQuery profile,
            CurrentActor actor, ShopClock clock, AccountStatus accounts) {
        this.service = service;
        this.search = search;
        this.profile = profile;
        this.actor = actor;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Search by name, email, phone or plate; ordered by name. */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<String> search(@QueryParam("q") String q, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return search.search(q, Limits.pageSize(limit), cursor)
                .map(page -> JsonText.page(page.items(), page.nextCursor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> create(@Valid @NotNull CustomerInput body) {
        return service.create(body, actor.name()).map(view -> Response
                .created(URI.create("admin/customers/" + view.id()))
                .header("ETag", ETags.ofVersion(view.version()))
                .entity(view).build());
    }

    /**
     * The customer resource (strong ETag from its version) or, with {@code include}, the profile:
     * vehicles with their stats, a page of appointments newest first, and the customer's stats.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> get(@PathParam("id") UUID id, @QueryParam("include") String include,
            @QueryParam("limitAppointments") Integer limitAppointments, @QueryParam("cursor") String cursor,
            @QueryParam("vehicleId") UUID vehicleId, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (include == null) {
            return service.get(id).map(view -> ETags.conditional(ifNoneMatch, ETags.ofVersion(view.version()), view,
                    MediaType.APPLICATION_JSON));
        }
        Set<String> includes = Set.of(include.split(","));
        if (!INCLUDES.containsAll(includes)) {
            throw ApiProblem.invalid("include", "must be appointments or appointmentDetails");
        }
        var filter = new CustomerProfileQuery.Filter(vehicleId, from, to,
                Limits.within("limitAppointments", limitAppointments, DEFAULT_PROFILE_APPOINTMENTS,
                        MAX_PROFILE_APPOINTMENTS),
                cursor, includes.contains("appointmentDetails"));
        return profile.load(id, filter, clock.today(), clock.zone())
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Customer"))
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }

    /** JSON Merge Patch of the editable fields; If-Match with the ETag from GET guards against lost updates. */
    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(id, patch, ifMatch, actor.name()).map(CustomerResource::withETag);
    }

    /** Soft delete; a customer's own login stops working at once on this instance, within 30 s on the others. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, ifMatch, actor.name())
                .call(() -> accounts.forget(AccountStatus.Account.customer(id)))
                .map(ignored -> Response.noContent().build());
    }

    private static Response withETag(CustomerView view) {
        return Response.ok(view).header("ETag", ETags.ofVersion(view.version())).build();
    }
}
