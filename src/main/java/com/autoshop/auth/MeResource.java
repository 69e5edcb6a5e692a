package com.autoshop.auth;

import com.autoshop.platform.problem.ApiProblem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class MeResource {

    private final MeQuery query;
    private final CurrentActor actor;

    public MeResource(MeQuery query, CurrentActor actor) {
        this.query = query;
        this.actor = actor;
    }

    /** The caller's account: id, email, name and role (staff), or the customer's id, email and name. */
    @GET
    @Authenticated
    public Uni<MeQuery.Me> me() {
        return query.load(UUID.fromString(actor.subject()), actor.isCustomer())
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Account"));
    }
}
