package com.autoshop.auth;

import com.autoshop.auth.dto.LoginAnswer;
import com.autoshop.auth.dto.LoginRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    private final StaffLogin login;

    public AuthResource(StaffLogin login) {
        this.login = login;
    }

    /** Staff login: a signed JWT (RS256) with the role in {@code groups}. */
    @POST
    @Path("/login")
    @PermitAll
    @SecurityRequirements
    public Uni<LoginAnswer> login(@Valid @NotNull LoginRequest body) {
        return login.login(body);
    }
}
