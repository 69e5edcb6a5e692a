package com.autoshop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC.md section 3: every error is problem+json with a stable code and the request id; nothing internal leaks. */
@QuarkusTest
class ProblemJsonTest {

    static String advisor() {
        return Tokens.bearer(Tokens.staff("Advisor"));
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASaneOneFromTheCaller() {
        given().header("X-Request-Id", "mobile-42.abc").get("/api/nothing-here").then()
                .header("X-Request-Id", "mobile-42.abc").body("requestId", equalTo("mobile-42.abc"));
        given().header("X-Request-Id", "bad id with spaces\u0007").get("/q/health/live").then()
                .header("X-Request-Id", not(containsString(" ")));
        given().get("/version").then().header("X-Request-Id", notNullValue());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().header("Authorization", advisor()).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("RESOURCE_NOT_FOUND"))
                .body("type", containsString("resource-not-found")).body("status", equalTo(404));
        given().header("Authorization", advisor()).put("/api/admin/customers").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void wrongMediaTypeIs415AndOversizeBodyIs413() {
        given().header("Authorization", advisor()).contentType(ContentType.XML).body("<customer/>")
                .post("/api/admin/customers").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";
        given().header("Authorization", advisor()).contentType(ContentType.JSON).body(huge)
                .post("/api/admin/customers").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void badTokensAre401WithTheRightCode() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("AUTH_REQUIRED"));
        given().header("Authorization", "Bearer not.a.token").get("/api/me").then().statusCode(401)
                .body("code", equalTo("AUTH_REQUIRED"));
        given().header("Authorization", Tokens.bearer(Tokens.expired("Advisor"))).get("/api/me").then()
                .statusCode(401).body("code", equalTo("TOKEN_EXPIRED"));
        given().header("Authorization", Tokens.bearer(foreignToken())).get("/api/me").then().statusCode(401)
                .body("code", equalTo("AUTH_REQUIRED"));
    }

    @Test
    void noStackTraceSqlOrClassNameReachesTheClient() {
        String body = given().header("Authorization", advisor()).contentType(ContentType.JSON)
                .body("{\"name\": [1, 2]}").post("/api/admin/customers").then().statusCode(400).extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("com.autoshop", "java.", "jackson", "Exception",
                "SELECT", "INSERT");
        String missing = given().header("Authorization", advisor()).get("/api/admin/customers/" + UUID.randomUUID())
                .then().statusCode(404).extract().asString();
        org.assertj.core.api.Assertions.assertThat(missing).doesNotContain("Exception", "select");
    }

    private static String foreignToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("https://autoshop.example/auth").audience("autoshop-api")
                    .subject(UUID.randomUUID().toString()).groups(Set.of("Owner"))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
