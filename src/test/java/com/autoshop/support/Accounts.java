package com.autoshop.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/**
 * Accounts to log in with (made through the API, or arranged in SQL with a known password hash), and
 * logins sent from a chosen client address.
 */
public final class Accounts {

    public static final String PASSWORD = "Brake-pads-2026";
    /** The test profile's bootstrap Owner password: the password of the accounts {@link #staffAccount} makes. */
    public static final String OWNER_PASSWORD = "Test-owner-2026";

    private Accounts() {
    }

    /** An Owner creates a staff account with {@link #PASSWORD} and a unique email. */
    public static Response createStaff(String role, String name) {
        String email = Fixtures.unique("staff").toLowerCase() + "@shop.test";
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Owner"))).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", name, "role", role, "password", PASSWORD))
                .post("/api/admin/users");
    }

    /**
     * An active staff account arranged in SQL, sharing the bootstrap Owner's password hash (so that it
     * logs in with {@link #OWNER_PASSWORD}); its email.
     */
    public static String staffAccount(String role) {
        String email = Fixtures.unique("staff").toLowerCase() + "@shop.test";
        Sql.update("""
                INSERT INTO users (id, email, name, role, password_hash)
                SELECT gen_random_uuid(), ?, 'Staff Fixture', ?, password_hash FROM users WHERE email = 'owner@test.local'""",
                email, role);
        return email;
    }

    /** A customer signs up with {@link #PASSWORD}. */
    /** A sign-up from an address of its own (sign-ups are limited per client address). */
    public static Response registerCustomer(String name, String email) {
        return registerCustomer(Fixtures.address(), name, email);
    }

    public static Response registerCustomer(String address, String name, String email) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "password", PASSWORD))
                .post("/api/customers/register");
    }

    public static String uniqueEmail(String prefix) {
        return Fixtures.unique(prefix).toLowerCase() + "@mail.test";
    }

    /** A login sent as if the ingress forwarded it from {@code address}. */
    public static Response login(String path, String address, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post(path);
    }

    public static Response staffLogin(String email, String password) {
        return login("/api/auth/login", Fixtures.address(), email, password);
    }

    public static Response customerLogin(String email, String password) {
        return login("/api/customers/login", Fixtures.address(), email, password);
    }
}
