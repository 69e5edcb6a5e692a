package com.autoshop.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffLoginTest {

    /** The test profile sets BOOTSTRAP_OWNER_EMAIL/PASSWORD; the account exists before the first request. */
    @Test
    void bootstrapOwnerCanLogInAndSeeWhoItIs() {
        var login = given().contentType(ContentType.JSON)
                .body(Map.of("email", " Owner@Test.local ", "password", "Test-owner-2026"))
                .post("/api/auth/login");
        login.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(3600))
                .body("user.role", equalTo("Owner")).body("accessToken", notNullValue());
        given().header("Authorization", "Bearer " + login.path("accessToken")).get("/api/me").then().statusCode(200)
                .body("role", equalTo("Owner")).body("email", equalTo("owner@test.local"))
                .body("id", equalTo(login.path("user.id")));
        assertThat(Sql.value("SELECT password_hash FROM users WHERE email = 'owner@test.local'").toString())
                .startsWith("$2a$").doesNotContain("Test-owner-2026");
    }

    @Test
    void wrongPasswordUnknownEmailAndDeactivatedAccountGetTheSameAnswer() {
        Sql.update("""
                INSERT INTO users (id, email, name, role, password_hash, active)
                SELECT gen_random_uuid(), 'gone@test.local', 'Gone', 'Advisor', password_hash, false
                FROM users WHERE email = 'owner@test.local' ON CONFLICT DO NOTHING""");
        for (var attempt : new String[][] { { "owner@test.local", "wrong-password-1" },
                { "nobody@test.local", "Test-owner-2026" }, { "gone@test.local", "Test-owner-2026" } }) {
            given().contentType(ContentType.JSON).body(Map.of("email", attempt[0], "password", attempt[1]))
                    .post("/api/auth/login").then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"))
                    .body("detail", equalTo("Email or password is wrong"));
        }
        given().contentType(ContentType.JSON).body(Map.of("email", "owner@test.local")).post("/api/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void prodRefusesMissingOrDevOnlyKeys() {
        assertThatThrownBy(() -> SigningKeyGuard.check(Optional.empty(), "X")).hasMessageContaining("must name");
        assertThatThrownBy(() -> SigningKeyGuard.check(Optional.of("dev-only-keys/jwt-private.pem"), "X"))
                .hasMessageContaining("dev-only");
        assertThatCode(() -> SigningKeyGuard.check(Optional.of("/var/run/secrets/jwt/private.pem"), "X"))
                .doesNotThrowAnyException();
    }

    @Test
    void weakPasswordsAreNamed() {
        assertThat(PasswordPolicy.weakness("short1")).contains("at least");
        assertThat(PasswordPolicy.weakness("aaaaaaaaaaaa")).contains("different");
        assertThat(PasswordPolicy.weakness("onlyletterslong")).contains("mix");
        assertThat(PasswordPolicy.weakness("Password123")).contains("common");
        assertThat(PasswordPolicy.weakness("Brake-pads-2026")).isNull();
    }
}
