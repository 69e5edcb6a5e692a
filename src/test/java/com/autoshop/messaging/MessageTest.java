package com.autoshop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Fixtures;
import com.autoshop.support.RateWindows;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageTest {

    @Inject
    ScriptedMessageProvider provider;

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    /** An appointment of a new customer with that phone, email and SMS consent. */
    static UUID appointmentOf(String phone, String email, String consent) {
        UUID appointment = Fixtures.billable(1000, "READY");
        Sql.update("""
                UPDATE customers SET phone = ?, email = ?, sms_consent = ?
                WHERE id = (SELECT customer_id FROM appointments WHERE id = ?)""", phone, email, consent, appointment);
        return appointment;
    }

    static Response send(UUID appointment, String channel, String body) {
        return as("Advisor").body(Map.of("channel", channel, "body", body))
                .post("/api/appointments/" + appointment + "/messages");
    }

    /** The message as the API shows it, once {@code until} holds (polled for up to 10 s). */
    static Response await(UUID appointment, String message, Predicate<Response> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response current;
        do {
            current = as("Tech").get("/api/appointments/" + appointment + "/messages/" + message);
            if (until.test(current)) {
                return current;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("message " + message + " never got there: " + current.asString());
    }

    static Predicate<Response> status(String status) {
        return response -> status.equals(response.path("status"));
    }

    @Test
    void aMessageIsQueuedThenSentByTheDispatcher() throws Exception {
        UUID appointment = appointmentOf("+15035550100", null, "unknown");
        Response queued = send(appointment, "sms", "  Your car is ready  ");
        queued.then().statusCode(201).body("status", equalTo("queued")).body("direction", equalTo("out"))
                .body("body", equalTo("Your car is ready")).body("recipient", equalTo("+15035550100"))
                .body("attempts", equalTo(0));
        String id = queued.path("id");
        assertThat(queued.header("Location")).endsWith("/api/appointments/" + appointment + "/messages/" + id);

        await(appointment, id, status("delivered")).then().body("attempts", equalTo(1))
                .body("providerRef", equalTo("test-" + id)).body("sentAt", notNullValue())
                .body("failureReason", nullValue()).body("nextAttemptAt", nullValue());
    }

    @Test
    void aSendThatKeepsFailingIsRetriedWithBackoffThenFailedWithItsReason() throws Exception {
        UUID appointment = appointmentOf(null, "driver@example.com", "denied");
        String id = send(appointment, "email", "Invoice attached [fail]").then().statusCode(201).extract().path("id");

        Response failed = await(appointment, id, status("failed"));
        failed.then().body("attempts", equalTo(3)).body("nextAttemptAt", nullValue()).body("sentAt", nullValue())
                .body("failureReason", equalTo("Gave up after 3 attempts: gateway busy (simulated 503)"));
        assertThat(provider.attempts(UUID.fromString(id))).isEqualTo(3);
    }

    @Test
    void aPermanentRefusalFailsAtOnce() throws Exception {
        UUID appointment = appointmentOf("+15035550101", null, "granted");
        String id = send(appointment, "sms", "Hello [reject]").then().statusCode(201).extract().path("id");
        await(appointment, id, status("failed")).then().body("attempts", equalTo(1))
                .body("failureReason", equalTo("unreachable destination (simulated 30003)"));
    }

    @Test
    void aMessageWhoseConsentWasWithdrawnBeforeSendingIsFailedUnsent() throws Exception {
        UUID appointment = appointmentOf("+15035550102", null, "denied");
        UUID id = UUID.randomUUID();
        Sql.update("""
                INSERT INTO messages (id, appointment_id, channel, direction, body, status, next_attempt_at)
                VALUES (?, ?, 'sms', 'out', 'Reminder', 'queued', now())""", id, appointment);
        await(appointment, id.toString(), status("failed")).then()
                .body("failureReason", equalTo("The customer withdrew SMS consent before the message was sent"));
        assertThat(provider.attempts(id)).isZero();
    }

    @Test
    void smsNeedsAPhoneAndConsentAndEmailAnAddress() {
        UUID denied = appointmentOf("+15035550103", "denied@example.com", "denied");
        send(denied, "sms", "Hi").then().statusCode(409).body("code", equalTo("CONFLICT"))
                .body("reason", equalTo("SMS_CONSENT_DENIED"));
        send(denied, "email", "Hi").then().statusCode(201);

        UUID noContact = appointmentOf(null, null, "granted");
        send(noContact, "sms", "Hi").then().statusCode(409).body("reason", equalTo("NO_PHONE"));
        send(noContact, "email", "Hi").then().statusCode(409).body("reason", equalTo("NO_EMAIL"));
        send(noContact, "fax", "Hi").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        send(noContact, "sms", " ").then().statusCode(400).body("errors[0].field", equalTo("body"));
        send(denied, "email", "x".repeat(2001)).then().statusCode(400).body("errors[0].field", equalTo("body"));
        send(appointmentOf("+15035550104", null, "granted"), "sms", "x".repeat(1601)).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        send(UUID.randomUUID(), "sms", "Hi").then().statusCode(404);
        assertThat(Sql.count("SELECT count(*) FROM messages WHERE appointment_id = ?", noContact)).isZero();
    }

    @Test
    void techniciansReadMessagesButOnlyOwnersAndAdvisorsSendThem() {
        UUID appointment = appointmentOf("+15035550105", "reader@example.com", "granted");
        as("Owner").body(Map.of("channel", "email", "body", "First")).post("/api/appointments/" + appointment + "/messages")
                .then().statusCode(201);
        send(appointment, "email", "Second").then().statusCode(201);
        as("Tech").body(Map.of("channel", "email", "body", "No")).post("/api/appointments/" + appointment + "/messages")
                .then().statusCode(403);
        as("Accountant").body(Map.of("channel", "email", "body", "No")).post("/api/appointments/" + appointment + "/messages")
                .then().statusCode(403);
        as("Accountant").get("/api/appointments/" + appointment + "/messages").then().statusCode(403);

        Response page = as("Tech").queryParam("limit", 1).get("/api/appointments/" + appointment + "/messages");
        page.then().statusCode(200).body("items.body", contains("Second"));
        as("Tech").queryParam("limit", 1).queryParam("cursor", page.<String>path("nextCursor"))
                .get("/api/appointments/" + appointment + "/messages").then().statusCode(200)
                .body("items.body", contains("First")).body("nextCursor", nullValue());
        as("Tech").get("/api/appointments/" + UUID.randomUUID() + "/messages").then().statusCode(404);
    }

    @Test
    void twentyMessagesPerCustomerPerDayThen429WithRetryAfter() {
        UUID appointment = appointmentOf("+15035550106", null, "granted");
        RateWindows.awayFromTheEnd(Duration.ofHours(24));
        for (int i = 1; i <= 20; i++) {
            send(appointment, "sms", "Update " + i).then().statusCode(201);
        }
        Response refused = send(appointment, "sms", "One too many");
        refused.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).body("limit", equalTo(20));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, Duration.ofHours(24).toSeconds());
        assertThat(Sql.count("SELECT count(*) FROM messages WHERE appointment_id = ?", appointment)).isEqualTo(20);
        assertThat(Sql.count("""
                SELECT hits FROM rate_limit_counters
                WHERE bucket = 'messages:customer:' || (SELECT customer_id FROM appointments WHERE id = ?)""", appointment))
                .as("a refused message counts for nothing").isEqualTo(20);
    }

    @Test
    void twoHundredMessagesPerShopPerHourHoldForEveryInstance() {
        UUID appointment = appointmentOf("+15035550107", null, "granted");
        RateWindows.awayFromTheEnd(Duration.ofHours(1));
        String window = "to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600)";
        long before = Sql.count("SELECT coalesce(max(hits), 0) FROM rate_limit_counters WHERE bucket = 'messages:shop' "
                + "AND window_start = " + window);
        // the other instances of the shop sent the rest of this hour's 200
        Sql.update("INSERT INTO rate_limit_counters (bucket, window_start, hits, expires_at) "
                + "VALUES ('messages:shop', " + window + ", 200, " + window + " + interval '1 hour') "
                + "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = 200");
        try {
            Response refused = send(appointment, "sms", "Busy hour");
            refused.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).body("limit", equalTo(200));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        } finally {
            Sql.update("UPDATE rate_limit_counters SET hits = ? WHERE bucket = 'messages:shop' AND window_start = " + window,
                    (int) before);
        }
    }

    @Test
    void theIdempotencyKeyIsHonoured() {
        UUID appointment = appointmentOf("+15035550108", null, "unknown");
        String token = Tokens.staff("Advisor");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("channel", "sms", "body", "See you at 9");
        Response first = given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/appointments/" + appointment + "/messages");
        Response again = given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/appointments/" + appointment + "/messages");
        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(Sql.count("SELECT count(*) FROM messages WHERE appointment_id = ?", appointment)).isEqualTo(1);
        given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("channel", "sms", "body", "See you at 10")).post("/api/appointments/" + appointment + "/messages")
                .then().statusCode(422);
    }
}
