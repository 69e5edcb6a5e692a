package com.autoshop.auth;

import com.autoshop.platform.data.Ids;
import com.autoshop.platform.text.Normalize;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first Owner account from BOOTSTRAP_OWNER_EMAIL and BOOTSTRAP_OWNER_PASSWORD when no
 * account has that email yet, so a fresh installation can be logged into. An existing account is
 * never changed. Runs on the start-up thread, before the service reports ready.
 */
@Singleton
public class BootstrapOwner {

    private final StaffUserRepository users;
    private final PasswordHasher hasher;
    private final Optional<String> email;
    private final Optional<String> password;

    public BootstrapOwner(StaffUserRepository users, PasswordHasher hasher,
            @ConfigProperty(name = "autoshop.bootstrap-owner.email") Optional<String> email,
            @ConfigProperty(name = "autoshop.bootstrap-owner.password") Optional<String> password) {
        this.users = users;
        this.hasher = hasher;
        this.email = email.map(Normalize::email);
        this.password = password;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) throws Throwable {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        String weakness = PasswordPolicy.weakness(password.get());
        if (weakness != null) {
            throw new IllegalStateException("BOOTSTRAP_OWNER_PASSWORD " + weakness);
        }
        boolean created = VertxContextSupport.subscribeAndAwait(this::createIfAbsent);
        if (created) {
            Log.infof("created the bootstrap Owner account %s", email.get());
        }
    }

    private Uni<Boolean> createIfAbsent() {
        return Panache.withTransaction(() -> users.findByEmail(email.get()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            return hasher.hash(password.get()).chain(hash -> {
                StaffUser owner = new StaffUser();
                owner.id = Ids.newId();
                owner.email = email.get();
                owner.name = "Owner";
                owner.role = Roles.OWNER;
                owner.passwordHash = hash;
                return users.persist(owner).replaceWith(true);
            });
        }));
    }
}
