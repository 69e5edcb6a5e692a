package com.autoshop.technician;

import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.http.ETags;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/technicians")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Technicians")
public class TechnicianResource {

    private final TechnicianService service;
    private final CurrentActor actor;

    public TechnicianResource(TechnicianService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    /** Active technicians, or all with {@code includeInactive=true}. */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<Map<String, List<TechnicianView>>> list(@QueryParam("includeInactive") boolean includeInactive) {
        return service.list(includeInactive).map(items -> Map.of("items", items));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> create(@Valid @NotNull TechnicianInput body) {
        return service.create(body, actor.name()).map(view -> Response
                .created(URI.create("admin/technicians/" + view.id()))
                .header("ETag", ETags.ofVersion(view.version())).entity(view).build());
    }

    /** Merge patch of name, initials, active (false deactivates: no new bookings, past ones keep the name). */
    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR })
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(id, patch, ifMatch, actor.name())
                .map(view -> Response.ok(view).header("ETag", ETags.ofVersion(view.version())).build());
    }
}
