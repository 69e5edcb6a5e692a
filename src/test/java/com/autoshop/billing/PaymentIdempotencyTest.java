package com.autoshop.billing;

import static com.autoshop.billing.PaymentTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.platform.data.ExpiryPurge;
import com.autoshop.support.Concurrently;
import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Staff;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on payments: replays, reuse with another body, scope, concurrency, expiry, budget. */
@QuarkusTest
class PaymentIdempotencyTest {

    @Inject
    ExpiryPurge purge;

    static Response pay(String token, UUID appointment, String key, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/appointments/" + appointment + "/payments");
    }

    static long payments(UUID appointment) {
        return Sql.count("SELECT count(*) FROM payments WHERE appointment_id = ?", appointment);
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerWithoutASecondPayment() {
        UUID appointment = Fixtures.billable(10_000, "READY");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        Response first = pay(token, appointment, key, Map.of("amountCents", 2500, "method", "card"));
        Response again = pay(token, appointment, key, Map.of("method", "card", "amountCents", 2500));

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(payments(appointment)).isEqualTo(1);
        assertThat(Statements.of(first)).isLessThanOrEqualTo(3);
        // the claim leaves with the lock and the write (one round trip), which change nothing for a repeat
        assertThat(Statements.of(again)).isLessThanOrEqualTo(3);
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", appointment)).isEqualTo(2500);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        UUID appointment = Fixtures.billable(10_000, "READY");
        String token = Tokens.staff("Owner");
        String key = UUID.randomUUID().toString();
        pay(token, appointment, key, Map.of("amountCents", 2500, "method", "card")).then().statusCode(201);
        pay(token, appointment, key, Map.of("amountCents", 2600, "method", "card")).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(payments(appointment)).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheCallerAndThePath() {
        UUID appointment = Fixtures.billable(10_000, "READY");
        UUID other = Fixtures.billable(10_000, "READY");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amountCents", 1000, "method", "cash");
        pay(Staff.fresh("Advisor"), appointment, key, body).then().statusCode(201);
        pay(Staff.fresh("Advisor"), appointment, key, body).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        String token = Staff.fresh("Accountant");
        pay(token, other, key, body).then().statusCode(201);
        pay(token, other, key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(payments(appointment)).isEqualTo(2);
        assertThat(payments(other)).isEqualTo(1);
    }

    @Test
    void simultaneousRetriesWaitForTheFirstAndReplayIt() throws Exception {
        UUID appointment = Fixtures.billable(10_000, "READY");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.run(12, i -> pay(token, appointment, key, Map.of("amountCents", 700, "method", "ach")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(payments(appointment)).isEqualTo(1);
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", appointment)).isEqualTo(700);
    }

    @Test
    void aFailedFirstAttemptIsNotRemembered() {
        UUID appointment = Fixtures.billable(1000, "READY");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amountCents", 1000, "method", "cash");
        Sql.update("UPDATE appointments SET status = 'CANCELED' WHERE id = ?", appointment);
        pay(token, appointment, key, body).then().statusCode(409);
        Sql.update("UPDATE appointments SET status = 'READY' WHERE id = ?", appointment);
        pay(token, appointment, key, body).then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aRefusedAttemptLetsGoOfItsKey() {
        UUID appointment = Fixtures.billable(1000, "READY");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        pay(token, appointment, key, Map.of("amountCents", 1001, "method", "cash")).then().statusCode(409);
        assertThat(Sql.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isZero();

        pay(token, appointment, key, Map.of("amountCents", 1000, "method", "cash")).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(Sql.count("SELECT count(*) FROM idempotency_keys WHERE key = ? AND status_code = 201", key))
                .isEqualTo(1);
    }

    @Test
    void expiredKeysStartAfreshAndArePurged() {
        UUID appointment = Fixtures.billable(10_000, "READY");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amountCents", 1000, "method", "cash");
        pay(token, appointment, key, body).then().statusCode(201);
        Sql.update("UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = ?", key);
        pay(token, appointment, key, Map.of("amountCents", 1500, "method", "cash")).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(payments(appointment)).isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM idempotency_keys WHERE key = ? AND expires_at > now() + interval '23 hours'",
                key)).isEqualTo(1);

        Sql.update("UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = ?", key);
        purge.purge().await().atMost(Duration.ofSeconds(10));
        assertThat(Sql.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isZero();
    }

    @Test
    void voidsHonourTheKeyToo() {
        UUID appointment = Fixtures.billable(10_000, "COMPLETED");
        String payment = as("Advisor").body(Map.of("amountCents", 3000, "method", "card"))
                .post("/api/appointments/" + appointment + "/payments").path("id");
        String key = UUID.randomUUID().toString();
        String token = Tokens.staff("Accountant");
        String path = "/api/appointments/" + appointment + "/payments/" + payment + "/void";
        Response first = given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key).post(path);
        Response again = given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key).post(path);
        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(payments(appointment)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIs400() {
        UUID appointment = Fixtures.billable(10_000, "READY");
        pay(Tokens.staff("Advisor"), appointment, "x".repeat(201), Map.of("amountCents", 100, "method", "cash"))
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
