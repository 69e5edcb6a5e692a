package com.autoshop.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Tokens for tests, signed with the dev-only key of the test profile. */
public final class Tokens {

    private Tokens() {
    }

    public static String staff(String role) {
        return staff(UUID.randomUUID(), role);
    }

    public static String staff(UUID userId, String role) {
        return Jwt.subject(userId.toString()).upn(role.toLowerCase() + "@test.local").groups(Set.of(role))
                .claim("name", role + " Tester").expiresIn(Duration.ofMinutes(10)).sign();
    }

    public static String customer(UUID customerId) {
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
}
