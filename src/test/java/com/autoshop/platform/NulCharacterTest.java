package com.autoshop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * U+0000 is valid JSON and a valid query string, but PostgreSQL's text cannot store it: a client that sends it
 * gets a 400 naming the field where it can be named, never a 500, and nothing changes.
 */
@QuarkusTest
class NulCharacterTest {

    static final String NUL = "\\u0000";

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    @Test
    void aBodyStringWithNulIsRefusedByItsField() {
        String name = Fixtures.unique("Nul");
        as("Advisor").body("{\"name\": \"" + name + NUL + "\"}").post("/api/admin/customers").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        as("Advisor").body("{\"name\": \"" + name + "\", \"tags\": [\"fleet" + NUL + "\"]}").post("/api/admin/customers")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", startsWith("tags"));
        assertThat(Sql.count("SELECT count(*) FROM customers WHERE name LIKE ?", name + "%")).isZero();
    }

    @Test
    void aMergePatchWithNulChangesNothing() {
        UUID customer = Fixtures.customer(Fixtures.unique("Patched"));
        as("Advisor").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"notes\": \"call" + NUL + "\"}").patch("/api/admin/customers/" + customer)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        assertThat(Sql.count("SELECT version FROM customers WHERE id = ?", customer)).isZero();
    }

    @Test
    void aQueryParameterWithNulIsA400() {
        as("Advisor").urlEncodingEnabled(false).get("/api/admin/customers?q=smi%00th").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        as("Advisor").urlEncodingEnabled(false).get("/api/admin/appointments?q=oil%00").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aPaymentWithNulIsNotRecordedAndItsKeyStaysFree() {
        UUID appointment = Fixtures.billable(5000, "READY");
        String key = UUID.randomUUID().toString();
        as("Advisor").header("Idempotency-Key", key).body("{\"amountCents\": 100, \"method\": \"card\", \"note\": \"x" + NUL + "\"}")
                .post("/api/appointments/" + appointment + "/payments").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("note"));
        assertThat(Sql.count("SELECT count(*) FROM payments WHERE appointment_id = ?", appointment)).isZero();
        as("Advisor").header("Idempotency-Key", key).body("{\"amountCents\": 100, \"method\": \"card\"}")
                .post("/api/appointments/" + appointment + "/payments").then().statusCode(201);
    }

    @Test
    void aLoginWithNulIsA400NotA500() {
        given().contentType(ContentType.JSON).body("{\"email\": \"owner" + NUL + "@example.com\", \"password\": \"whatever-it-is\"}")
                .post("/api/auth/login").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().contentType(ContentType.JSON).body("{\"email\": \"c@example.com\", \"password\": \"pass" + NUL + "word-long\"}")
                .post("/api/customers/login").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }
}
