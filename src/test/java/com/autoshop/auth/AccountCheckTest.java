package com.autoshop.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token is honoured only when its issuer and audience are ours, it has not expired, and its account
 * is active with the token's role; a change made straight in the database is seen within the status
 * cache's refresh (1 s in the test profile; at most 30 s in production).
 */
@QuarkusTest
class AccountCheckTest {

    static int status(String token) {
        return given().header("Authorization", Tokens.bearer(token)).get("/api/me").statusCode();
    }

    /** Polls until the answer changes to 401; the background refresh needs a request to start it. */
    static void refusedWithin(String token, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(token) == 401) {
                given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(401)
                        .contentType("application/problem+json").body("code", equalTo("AUTH_REQUIRED"));
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the token was still honoured after " + limit);
    }

    @Test
    void aTokenWithAnotherIssuerOrAudienceIsRefused() {
        UUID user = Tokens.staffUser("Advisor");
        String ours = Jwt.subject(user.toString()).groups(Set.of("Advisor")).expiresIn(Duration.ofMinutes(5)).sign();
        assertThat(status(ours)).isEqualTo(200);
        String otherIssuer = Jwt.issuer("https://elsewhere.example/auth").subject(user.toString())
                .groups(Set.of("Advisor")).expiresIn(Duration.ofMinutes(5)).sign();
        String otherAudience = Jwt.audience("another-api").subject(user.toString()).groups(Set.of("Advisor"))
                .expiresIn(Duration.ofMinutes(5)).sign();
        for (String token : new String[] { otherIssuer, otherAudience }) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(401)
                    .body("code", equalTo("AUTH_REQUIRED"));
        }
        given().header("Authorization", Tokens.bearer(Tokens.expired("Advisor"))).get("/api/me").then()
                .statusCode(401).body("code", equalTo("TOKEN_EXPIRED"));
    }

    @Test
    void aTokenWithoutAnAccountOrWithAnotherRoleIsRefused() {
        assertThat(status(Tokens.staff(UUID.randomUUID(), "Owner"))).isEqualTo(401);
        UUID tech = Tokens.staffUser("Tech");
        assertThat(status(Tokens.staff(tech, "Owner"))).as("a Tech's id with the Owner role").isEqualTo(401);
        assertThat(status(Tokens.staff(tech, "Customer"))).as("a staff id as a customer").isEqualTo(401);
        String twoRoles = Jwt.subject(tech.toString()).groups(Set.of("Tech", "Owner")).expiresIn(Duration.ofMinutes(5))
                .sign();
        assertThat(status(twoRoles)).isEqualTo(401);
        String notAnId = Jwt.subject("tech").groups(Set.of("Tech")).expiresIn(Duration.ofMinutes(5)).sign();
        assertThat(status(notAnId)).isEqualTo(401);
        assertThat(status(Tokens.staff(tech, "Tech"))).isEqualTo(200);
    }

    @Test
    void aStaffUserDeactivatedInTheDatabaseIsRefusedWithinTheRefresh() throws InterruptedException {
        UUID id = UUID.randomUUID();
        Sql.update("INSERT INTO users (id, email, name, role, password_hash) VALUES (?, ?, 'Sql Deactivated', 'Advisor', 'x')",
                id, "sql-" + id + "@shop.test");
        String token = Tokens.staff(id, "Advisor");
        assertThat(status(token)).isEqualTo(200);
        Sql.update("UPDATE users SET active = false WHERE id = ?", id);
        refusedWithin(token, Duration.ofSeconds(10));
    }

    @Test
    void aDeactivatedOrDeletedCustomerIsRefusedWithinTheRefresh() throws InterruptedException {
        UUID deactivated = Fixtures.customer(Fixtures.unique("Deactivated"));
        String first = Tokens.customer(deactivated);
        UUID deleted = Fixtures.customer(Fixtures.unique("Deleted"));
        String second = Tokens.customer(deleted);
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(second)).isEqualTo(200);
        Sql.update("UPDATE customer_accounts SET active = false WHERE customer_id = ?", deactivated);
        Sql.update("UPDATE customers SET deleted_at = now() WHERE id = ?", deleted);
        refusedWithin(first, Duration.ofSeconds(10));
        refusedWithin(second, Duration.ofSeconds(10));
    }

    @Test
    void aCustomerWithoutAnAccountIsRefused() {
        UUID customer = Fixtures.customer(Fixtures.unique("No account"));
        String token = Jwt.subject(customer.toString()).groups(Set.of("Customer")).expiresIn(Duration.ofMinutes(5))
                .sign();
        assertThat(status(token)).isEqualTo(401);
    }
}
