package com.autoshop.auth.users;

import com.autoshop.auth.AccountStatus;
import com.autoshop.auth.AccountStatus.Account;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.LoginThrottle;
import com.autoshop.auth.PasswordHasher;
import com.autoshop.auth.PasswordPolicy;
import com.autoshop.auth.Roles;
import com.autoshop.auth.users.dto.NewPassword;
import com.autoshop.auth.users.dto.NewUser;
import com.autoshop.auth.users.dto.UserView;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.data.Page;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff accounts (Owner only). A change of role or activity takes effect on the account's tokens at once here, within 30 s elsewhere. */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OWNER)
@Tag(name = "Users")
public class UserResource {

    private final UserService service;
    private final UserListQuery list;
    private final PasswordHasher hasher;
    private final AccountStatus status;
    private final LoginThrottle throttle;
    private final CurrentActor actor;

    public UserResource(UserService service, UserListQuery list, PasswordHasher hasher, AccountStatus status,
            LoginThrottle throttle, CurrentActor actor) {
        this.service = service;
        this.list = list;
        this.hasher = hasher;
        this.status = status;
        this.throttle = throttle;
        this.actor = actor;
    }

    /** Staff accounts ordered by name. */
    @GET
    public Uni<Page<UserView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return list.list(Limits.pageSize(limit), cursor);
    }

    /** 409 when an account has the email already. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull NewUser body) {
        PasswordPolicy.require("password", body.password());
        return hasher.hash(body.password())
                .chain(hash -> service.create(body, hash, actor.name()))
                .map(view -> Response.created(URI.create("admin/users/" + view.id())).entity(view)
                        .header("ETag", ETags.ofVersion(view.version())).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return service.get(id).map(view -> ETags.conditional(ifNoneMatch, ETags.ofVersion(view.version()), view,
                MediaType.APPLICATION_JSON));
    }

    /**
     * JSON Merge Patch of name, role and active; If-Match honoured. Owners cannot demote or deactivate
     * themselves, and the shop always keeps one active Owner (409). A changed role or a deactivation
     * ends the account's current tokens.
     */
    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(id, patch, ifMatch, UUID.fromString(actor.subject()), actor.name())
                .call(view -> status.forget(Account.staff(id)))
                .map(view -> Response.ok(view).header("ETag", ETags.ofVersion(view.version())).build());
    }

    /** Sets a new password (PasswordPolicy applies) and clears the account's failed-login count. */
    @POST
    @Path("/{id}/reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> resetPassword(@PathParam("id") UUID id, @Valid @NotNull NewPassword body) {
        PasswordPolicy.require("password", body.password());
        return hasher.hash(body.password())
                .chain(hash -> service.resetPassword(id, hash, actor.name()))
                .call(view -> throttle.forget("staff", view.email()))
                .map(view -> Response.noContent().build());
    }
}
