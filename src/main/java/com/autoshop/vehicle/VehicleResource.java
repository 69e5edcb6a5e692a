package com.autoshop.vehicle;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.http.ChangesNothing;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.vehicle.dto.CreateVehicle;
import com.autoshop.vehicle.dto.OwnershipCheck;
import com.autoshop.vehicle.dto.TransferVehicle;
import com.autoshop.vehicle.dto.VehicleView;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles")
public class VehicleResource {

    static final int DEFAULT_HISTORY = 25;
    static final int MAX_HISTORY = 100;

    private final VehicleService service;
    private final VehicleProfileQuery profile;
    private final OwnershipQuery ownership;
    private final CurrentActor actor;

    public VehicleResource(VehicleService service, VehicleProfileQuery profile, OwnershipQuery ownership,
            CurrentActor actor) {
        this.service = service;
        this.profile = profile;
        this.ownership = ownership;
        this.actor = actor;
    }

    /** 409 when a live vehicle already has the VIN or the plate. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> create(@Valid @NotNull CreateVehicle body) {
        return service.create(body, actor.name()).map(view -> Response
                .created(URI.create("admin/vehicles/" + view.id()))
                .header("ETag", ETags.ofVersion(view.version()))
                .entity(view).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return service.get(id).map(view -> ETags.conditional(ifNoneMatch, ETags.ofVersion(view.version()), view,
                MediaType.APPLICATION_JSON));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(id, patch, ifMatch, actor.name()).map(VehicleResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, ifMatch, actor.name()).map(ignored -> Response.noContent().build());
    }

    /** Service history of the vehicle, newest first, with services and payments. */
    @GET
    @Path("/{id}/profile")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> profile(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return profile.load(id, Limits.within("limit", limit, DEFAULT_HISTORY, MAX_HISTORY), cursor)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Vehicle"))
                .map(json -> ETags.conditional(ifNoneMatch, ETags.weakOf(json), json, MediaType.APPLICATION_JSON));
    }

    /** Ownership moves to another customer; audited with the before and after owner. */
    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> transfer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransferVehicle body) {
        return service.transfer(id, body.customerId(), ifMatch, actor.name()).map(VehicleResource::withETag);
    }

    /** Which of the ids belong to the customer: one query whatever the number of ids. */
    @POST
    @ChangesNothing
    @Path("/ownership")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<OwnershipCheck.Answer> ownership(@Valid @NotNull OwnershipCheck body) {
        return ownership.check(body.customerId(), body.vehicleIds());
    }

    private static Response withETag(VehicleView view) {
        return Response.ok(view).header("ETag", ETags.ofVersion(view.version())).build();
    }
}
