package com.autoshop.auth.users;

import com.autoshop.audit.AuditLog;
import com.autoshop.auth.Roles;
import com.autoshop.auth.StaffUser;
import com.autoshop.auth.StaffUserRepository;
import com.autoshop.auth.users.dto.NewUser;
import com.autoshop.auth.users.dto.UserEdit;
import com.autoshop.auth.users.dto.UserView;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Staff accounts, managed by Owners; every change audited in its transaction. The database keeps at
 * least one active Owner (trigger users_one_active_owner, V3); here an Owner is also stopped from
 * demoting or deactivating themself.
 */
@ApplicationScoped
public class UserService {

    static final String ENTITY = "user";
    static final String EMAIL_KEY = "users_email_key";
    static final String LAST_OWNER = "users_one_active_owner";

    private final StaffUserRepository users;
    private final AuditLog audit;
    private final MergePatch mergePatch;

    public UserService(StaffUserRepository users, AuditLog audit, MergePatch mergePatch) {
        this.users = users;
        this.audit = audit;
        this.mergePatch = mergePatch;
    }

    /** Creates the account with a password already hashed (hashing runs on a worker, before the transaction). */
    @WithTransaction
    public Uni<UserView> create(NewUser input, String passwordHash, String actor) {
        StaffUser user = new StaffUser();
        user.id = Ids.newId();
        user.email = input.email();
        user.name = input.name();
        user.role = input.role();
        user.passwordHash = passwordHash;
        return users.persistAndFlush(user)
                .onFailure().transform(UserService::conflicts)
                .map(UserView::of)
                .call(view -> audit.record(actor, "create", ENTITY, view.id(), null, view));
    }

    public Uni<UserView> get(UUID id) {
        return require(id).map(UserView::of);
    }

    @WithTransaction
    public Uni<UserView> update(UUID id, JsonNode patch, String ifMatch, UUID actorId, String actor) {
        return require(id).chain(user -> {
            ETags.requireMatch(ifMatch, user.version);
            UserView before = UserView.of(user);
            UserEdit edit = mergePatch.apply(before.editable(), patch, UserEdit.class);
            if (id.equals(actorId) && (!edit.active() || !Roles.OWNER.equals(edit.role()))) {
                throw ApiProblem.conflict("You cannot demote or deactivate your own account; another Owner can");
            }
            user.name = edit.name();
            user.role = edit.role();
            user.active = edit.active();
            return users.flush()
                    .onFailure().transform(UserService::conflicts)
                    .map(ignored -> UserView.of(user))
                    .call(after -> audit.record(actor, "update", ENTITY, id, before, after));
        });
    }

    /** Sets a new password (already hashed); the audit entry records that it changed, never the hash. */
    @WithTransaction
    public Uni<UserView> resetPassword(UUID id, String passwordHash, String actor) {
        return require(id).chain(user -> {
            UserView before = UserView.of(user);
            user.passwordHash = passwordHash;
            return users.flush()
                    .map(ignored -> UserView.of(user))
                    .call(after -> audit.record(actor, "reset-password", ENTITY, id, before, after));
        });
    }

    private Uni<StaffUser> require(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ApiProblem.notFound("User"));
    }

    private static Throwable conflicts(Throwable failure) {
        if (DatabaseErrors.violated(failure, EMAIL_KEY)) {
            return ApiProblem.conflict("A user with this email already exists");
        }
        if (DatabaseErrors.violated(failure, LAST_OWNER)) {
            return ApiProblem.conflict("The shop must keep at least one active Owner");
        }
        return failure;
    }
}
