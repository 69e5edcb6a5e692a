package com.autoshop.auth;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class MeResource {

    private final JsonWebToken token;

    public MeResource(JsonWebToken token) {
        this.token = token;
    }

    public record Me(UUID id, String email, String name, String role) {
    }

    /** Who the token belongs to. */
    @GET
    @Authenticated
    @NonBlocking
    public Me me() {
        String role = token.getGroups().stream().findFirst().orElse(null);
        return new Me(UUID.fromString(token.getSubject()), token.getName(), token.getClaim("name"), role);
    }
}
