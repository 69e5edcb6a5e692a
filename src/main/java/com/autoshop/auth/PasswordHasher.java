package com.autoshop.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt hashing and checking, always on a worker thread (tens of milliseconds of CPU that must never
 * stall an event loop); the result comes back on the caller's Vert.x context.
 */
@Singleton
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    /** Checked when the account does not exist, so that a wrong email costs as much time as a wrong password. */
    private final String decoy;

    public PasswordHasher(Vertx vertx, @ConfigProperty(name = "autoshop.auth.bcrypt-cost", defaultValue = "10") int cost) {
        this.vertx = vertx;
        this.cost = cost;
        this.decoy = BcryptUtil.bcryptHash("decoy-password-never-matches", cost);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, cost)), false);
    }

    /** Whether the password matches the hash; a null hash (no such account) is checked against a decoy. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> verify(password, hash == null ? decoy : hash) && hash != null),
                false);
    }

    static boolean verify(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }
}
