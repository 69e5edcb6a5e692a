package com.autoshop.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tokens for tests, signed with the dev-only key of the test profile. The service honours a token
 * only while its account exists and is active, so each token is backed by a real row: one active
 * staff user per role (created on first use in the run's database), and a customer account for
 * every customer a token is made for.
 */
public final class Tokens {

    /** Not a bcrypt hash of anything: these accounts cannot log in with a password. */
    static final String NO_PASSWORD = "!no-password";
    private static final Map<String, UUID> STAFF = new ConcurrentHashMap<>();
    private static final Set<String> CUSTOMERS = ConcurrentHashMap.newKeySet();

    private Tokens() {
    }

    /** A token of the run's test user with this role. */
    public static String staff(String role) {
        return staff(staffUser(role), role);
    }

    /** The id of the test user behind {@link #staff(String)}. */
    public static UUID staffUser(String role) {
        return STAFF.computeIfAbsent(database() + "|" + role, key -> {
            UUID id = UUID.randomUUID();
            Sql.update("INSERT INTO users (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)", id,
                    "token-" + role.toLowerCase() + "-" + id + "@test.local", role + " Tester", role, NO_PASSWORD);
            return id;
        });
    }

    /** A token for a user the caller arranged (the row must exist and be active for it to be honoured). */
    public static String staff(UUID userId, String role) {
        return Jwt.subject(userId.toString()).upn(role.toLowerCase() + "@test.local").groups(Set.of(role))
                .claim("name", role + " Tester").expiresIn(Duration.ofMinutes(10)).sign();
    }

    /** A customer's token; creates the customer (if there is none with that id) and its account. */
    public static String customer(UUID customerId) {
        if (CUSTOMERS.add(database() + "|" + customerId)) {
            Sql.update("INSERT INTO customers (id, name) VALUES (?, 'Token Customer') ON CONFLICT (id) DO NOTHING",
                    customerId);
            Sql.update("""
                    INSERT INTO customer_accounts (customer_id, email, password_hash) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""", customerId, "token-" + customerId + "@test.local", NO_PASSWORD);
        }
        return Jwt.subject(customerId.toString()).upn("customer@test.local").groups(Set.of("Customer"))
                .claim("name", "Customer Tester").expiresIn(Duration.ofMinutes(10)).sign();
    }

    public static String expired(String role) {
        return Jwt.subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String database() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
