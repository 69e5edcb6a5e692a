package com.autoshop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Accounts;
import com.autoshop.support.Fixtures;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Headers every answer carries, caching rules of API answers, HSTS behind a TLS ingress, and CORS. */
@QuarkusTest
class SecurityHeadersTest {

    /** The test profile allows this one origin (CORS_ORIGINS); the default allows none. */
    static final String ALLOWED_ORIGIN = "https://admin.test.local";

    static RequestSpecification advisor() {
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")));
    }

    @Test
    void everyAnswerForbidsSniffingAndReferrers() {
        for (Response response : new Response[] { advisor().get("/api/admin/customers"), given().get("/api/me"),
                given().get("/q/health/live"), given().get("/version"), given().get("/api/nothing-here") }) {
            response.then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverTls() {
        given().get("/version").then().header("Strict-Transport-Security", nullValue());
        given().header("X-Forwarded-Proto", "http").get("/version").then().header("Strict-Transport-Security", nullValue());
        given().header("X-Forwarded-Proto", "https").get("/version").then()
                .header("Strict-Transport-Security", containsString("max-age="));
        advisor().header("X-Forwarded-Proto", "https").get("/api/admin/customers").then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void apiAnswersAreNeverStoredExceptForRevalidation() {
        UUID customer = Fixtures.customer(Fixtures.unique("Cached"));
        Response resource = advisor().get("/api/admin/customers/" + customer);
        resource.then().statusCode(200).header("Cache-Control", "private, no-cache");
        advisor().header("If-None-Match", resource.header("ETag")).get("/api/admin/customers/" + customer).then()
                .statusCode(304).header("Cache-Control", "private, no-cache");
        advisor().get("/api/admin/customers").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/admin/customers").then().statusCode(401).header("Cache-Control", "no-store");
        Accounts.staffLogin("owner@test.local", "Test-owner-2026").then().statusCode(200)
                .header("Cache-Control", "no-store");
        given().get("/version").then().header("Cache-Control", "no-cache");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOriginsAndExposesTheUsefulHeaders() {
        given().header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/admin/customers/" + UUID.randomUUID()).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        String exposed = advisor().header("Origin", ALLOWED_ORIGIN).get("/api/admin/customers").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN).extract().header("Access-Control-Expose-Headers");
        for (String header : new String[] { "ETag", "Location", "Retry-After", "X-Request-Id", "Server-Timing" }) {
            org.assertj.core.api.Assertions.assertThat(exposed).containsIgnoringCase(header);
        }
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/admin/customers").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        advisor().header("Origin", "https://evil.example").get("/api/admin/customers").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/version").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .body("name", equalTo("autoshop-service"));
    }
}
