package com.autoshop.auth;

import com.autoshop.auth.dto.LoginAnswer;
import com.autoshop.auth.dto.LoginRequest;
import com.autoshop.platform.http.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    private final PasswordLogin login;

    public AuthResource(PasswordLogin login) {
        this.login = login;
    }

    /**
     * Staff login: a signed JWT (RS256) with the role in {@code groups}. Five failed attempts per 15
     * minutes per client address or per account answer 429 with Retry-After.
     */
    @POST
    @Path("/login")
    @PermitAll
    @SecurityRequirements
    public Uni<LoginAnswer> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return login.staff(body, ClientAddress.of(request));
    }
}
