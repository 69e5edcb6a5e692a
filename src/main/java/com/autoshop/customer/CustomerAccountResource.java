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
import com.autoshop.platform.limits.RateLimiter;
import com.autoshop.platform.limits.RateLimiter.Limit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    private final RateLimiter limiter;
    private final Pool pool;
    private final int registrationsPerHour;

    public CustomerAccountResource(CustomerRegistration registration, PasswordLogin login, PasswordHasher hasher,
            TokenIssuer tokens, RateLimiter limiter, Pool pool,
            @ConfigProperty(name = "autoshop.auth.registrations-per-hour") int registrationsPerHour) {
        this.registration = registration;
        this.login = login;
        this.hasher = hasher;
        this.tokens = tokens;
        this.limiter = limiter;
        this.pool = pool;
        this.registrationsPerHour = registrationsPerHour;
    }

    /**
     * Creates a new customer record and its account, and logs it in; 409 when the email has an account.
     * Sign-ups are counted per client address before the password is hashed (429 beyond the hourly limit).
     */
    @POST
    @Path("/register")
    @PermitAll
    @SecurityRequirements
    @APIResponse(responseCode = "201", description = "Signed up and logged in",
            content = @Content(schema = @Schema(implementation = LoginAnswer.class)))
    @APIResponse(responseCode = "409", description = "An account with this email already exists")
    @APIResponse(responseCode = "429", description = "More sign-ups from this address this hour than REGISTRATIONS_PER_HOUR"
            + " (Retry-After says when to retry)")
    public Uni<Response> register(@Valid @NotNull Registration body, @Context HttpServerRequest request) {
        PasswordPolicy.require("password", body.password());
        Limit perAddress = new Limit("registrations:" + ClientAddress.of(request), registrationsPerHour,
                Duration.ofHours(1), "sign-ups from this address");
        return limiter.hit(pool, List.of(perAddress))
                .chain(() -> hasher.hash(body.password()))
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
