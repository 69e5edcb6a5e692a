package com.autoshop.customer;

import com.autoshop.auth.PasswordHasher;
import com.autoshop.auth.PasswordLogin;
import com.autoshop.auth.PasswordPolicy;
import com.autoshop.auth.Roles;
import com.autoshop.auth.TokenIssuer;
import com.autoshop.auth.dto.LoginAnswer;
import com.autoshop.auth.dto.LoginRequest;
import com.autoshop.customer.dto.Registration;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers' own accounts (mobile app): sign-up and login, answering like the staff login. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customer accounts")
public class CustomerAccountResource {

    private final CustomerRegistration registration;
    private final PasswordLogin login;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public CustomerAccountResource(CustomerRegistration registration, PasswordLogin login, PasswordHasher hasher,
            TokenIssuer tokens) {
        this.registration = registration;
        this.login = login;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /** Creates a new customer record and its account, and logs it in; 409 when the email has an account. */
    @POST
    @Path("/register")
    @PermitAll
    @SecurityRequirements
    public Uni<Response> register(@Valid @NotNull Registration body) {
        PasswordPolicy.require("password", body.password());
        return hasher.hash(body.password())
                .chain(hash -> registration.register(body, hash))
                .map(customer -> Response.created(URI.create("customers/me"))
                        .entity(tokens.login(customer.id(), customer.email(), customer.name(), Roles.CUSTOMER))
                        .build());
    }

    /** A customer's login: a token whose subject is the customer id; throttled like the staff login. */
    @POST
    @Path("/login")
    @PermitAll
    @SecurityRequirements
    public Uni<LoginAnswer> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return login.customer(body, ClientAddress.of(request));
    }
}
