package com.autoshop.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Concurrently;
import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    static Response pay(UUID appointment, long cents) {
        return as("Advisor").body(Map.of("amountCents", cents, "method", "card"))
                .post("/api/appointments/" + appointment + "/payments");
    }

    @Test
    void aPaymentAnswersWithItselfAndTheNewBalanceAndIsAudited() {
        UUID appointment = Fixtures.billable(10_000, "COMPLETED");
        Response paid = as("Accountant").body(Map.of("amountCents", 4000, "method", "cash", "note", " deposit "))
                .post("/api/appointments/" + appointment + "/payments");
        paid.then().statusCode(201)
                .body("amountCents", equalTo(4000)).body("method", equalTo("cash")).body("note", equalTo("deposit"))
                .body("voidsPaymentId", nullValue()).body("appointmentId", equalTo(appointment.toString()))
                .body("appointment.paidCents", equalTo(4000)).body("appointment.balanceCents", equalTo(6000))
                .body("appointment.totalCents", equalTo(10_000)).body("appointment.version", equalTo(1));
        String id = paid.path("id");
        assertThat(paid.header("Location")).endsWith("/api/appointments/" + appointment + "/payments/" + id);
        assertThat(paid.path("createdBy").toString()).startsWith("staff:");

        as("Tech").get("/api/appointments/" + appointment + "/payments/" + id).then().statusCode(200)
                .body("amountCents", equalTo(4000));
        pay(appointment, 6000).then().statusCode(201).body("appointment.balanceCents", equalTo(0));
        as("Accountant").get("/api/appointments/" + appointment + "/payments").then().statusCode(200)
                .body("items.amountCents", contains(4000, 6000)).body("appointment.paidCents", equalTo(10_000))
                .body("nextCursor", nullValue());
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", appointment)).isEqualTo(10_000);
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity = 'payment' AND entity_id = ?::uuid "
                + "AND action = 'record-payment' AND after->'appointment'->>'paidCents' = '4000'", id)).isEqualTo(1);
    }

    @Test
    void anOverpaymentIs409AndChangesNothing() {
        UUID appointment = Fixtures.billable(5000, "READY");
        pay(appointment, 3000).then().statusCode(201);
        pay(appointment, 2001).then().statusCode(409).body("code", equalTo("CONFLICT")).body("balanceCents", equalTo(2000));
        assertThat(Sql.count("SELECT count(*) FROM payments WHERE appointment_id = ?", appointment)).isEqualTo(1);
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", appointment)).isEqualTo(3000);
    }

    @Test
    void aVoidIsAReversingRowOnceAndNeverOfAVoid() {
        UUID appointment = Fixtures.billable(5000, "COMPLETED");
        String payment = pay(appointment, 5000).path("id");
        Response voided = as("Owner").body(Map.of("note", "card declined later"))
                .post("/api/appointments/" + appointment + "/payments/" + payment + "/void");
        voided.then().statusCode(201).body("amountCents", equalTo(-5000)).body("method", equalTo("card"))
                .body("voidsPaymentId", equalTo(payment)).body("appointment.paidCents", equalTo(0))
                .body("appointment.balanceCents", equalTo(5000));
        String reversal = voided.path("id");

        as("Accountant").post("/api/appointments/" + appointment + "/payments/" + payment + "/void").then()
                .statusCode(409).body("detail", equalTo("This payment was voided already"));
        as("Owner").post("/api/appointments/" + appointment + "/payments/" + reversal + "/void").then()
                .statusCode(409).body("code", equalTo("CONFLICT"));
        as("Owner").post("/api/appointments/" + appointment + "/payments/" + UUID.randomUUID() + "/void").then()
                .statusCode(404);
        as("Owner").body("{\"note\": 5").post("/api/appointments/" + appointment + "/payments/" + payment + "/void")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as("Owner").body(Map.of("note", "x".repeat(1001))).post("/api/appointments/" + appointment + "/payments/"
                + payment + "/void").then().statusCode(400).body("errors[0].field", equalTo("note"));
        assertThat(Sql.count("SELECT sum(amount_cents) FROM payments WHERE appointment_id = ?", appointment)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action = 'void-payment' "
                + "AND before->>'id' = ?", reversal, payment)).isEqualTo(1);
    }

    @Test
    void cancelledAppointmentsTakeNoPaymentsButTheirPaymentsCanBeVoided() {
        UUID appointment = Fixtures.billable(8000, "SCHEDULED");
        String deposit = pay(appointment, 2000).path("id");
        Sql.update("UPDATE appointments SET status = 'CANCELED' WHERE id = ?", appointment);
        pay(appointment, 1000).then().statusCode(409).body("code", equalTo("CONFLICT"));
        as("Accountant").post("/api/appointments/" + appointment + "/payments/" + deposit + "/void").then()
                .statusCode(201).body("appointment.paidCents", equalTo(0));
    }

    @Test
    void rolesAndBadInputAreRefused() {
        UUID appointment = Fixtures.billable(8000, "READY");
        String payment = pay(appointment, 1000).path("id");
        as("Tech").body(Map.of("amountCents", 100, "method", "cash")).post("/api/appointments/" + appointment + "/payments")
                .then().statusCode(403);
        as("Advisor").post("/api/appointments/" + appointment + "/payments/" + payment + "/void").then().statusCode(403);
        given().get("/api/appointments/" + appointment + "/payments").then().statusCode(401);

        as("Advisor").body(Map.of("amountCents", 0, "method", "cash")).post("/api/appointments/" + appointment + "/payments")
                .then().statusCode(400).body("errors[0].field", equalTo("amountCents"));
        as("Advisor").body(Map.of("amountCents", 100, "method", "bitcoin")).post("/api/appointments/" + appointment + "/payments")
                .then().statusCode(400).body("errors[0].field", equalTo("method"));
        as("Advisor").body(Map.of("amountCents", 100)).post("/api/appointments/" + appointment + "/payments")
                .then().statusCode(400).body("errors[0].field", equalTo("method"));
        as("Advisor").body(Map.of("amountCents", 100, "method", "cash")).post("/api/appointments/not-a-uuid/payments")
                .then().statusCode(400);
        pay(UUID.randomUUID(), 100).then().statusCode(404).body("code", equalTo("RESOURCE_NOT_FOUND"));
        as("Advisor").get("/api/appointments/" + UUID.randomUUID() + "/payments").then().statusCode(404);
        as("Advisor").get("/api/appointments/" + appointment + "/payments/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(Sql.count("SELECT count(*) FROM payments WHERE appointment_id = ?", appointment)).isEqualTo(1);
    }

    @Test
    void simultaneousPaymentsNeverTakeMoreThanTheBalance() throws Exception {
        UUID appointment = Fixtures.billable(5000, "READY");
        List<Response> answers = Concurrently.run(8, i -> pay(appointment, 2000));

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).hasSize(2);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 409))
                .hasSize(6).allSatisfy(answer -> assertThat(answer.<Integer>path("balanceCents")).isEqualTo(1000));
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", appointment)).isEqualTo(4000);
    }

    @Test
    void aPaymentOfAnotherOrADeletedAppointmentIsNotFoundAndNothingIsWritten() {
        UUID appointment = Fixtures.billable(5000, "READY");
        UUID other = Fixtures.billable(5000, "READY");
        String payment = pay(other, 1000).path("id");
        as("Owner").post("/api/appointments/" + appointment + "/payments/" + payment + "/void").then()
                .statusCode(404).body("detail", containsString("Payment"));

        Sql.update("UPDATE appointments SET deleted_at = now() WHERE id = ?", other);
        pay(other, 1000).then().statusCode(404).body("code", equalTo("RESOURCE_NOT_FOUND"));
        as("Owner").post("/api/appointments/" + other + "/payments/" + payment + "/void").then().statusCode(404);

        assertThat(Sql.count("SELECT count(*) FROM payments WHERE appointment_id IN (?, ?)", appointment, other))
                .isEqualTo(1);
        assertThat(Sql.count("SELECT paid_cents FROM appointments WHERE id = ?", other)).isEqualTo(1000);
    }

    @Test
    void theListIsKeysetPaged() {
        UUID appointment = Fixtures.billable(10_000, "COMPLETED");
        for (int i = 1; i <= 5; i++) {
            pay(appointment, i * 100).then().statusCode(201);
        }
        Response first = as("Owner").queryParam("limit", 3).get("/api/appointments/" + appointment + "/payments");
        first.then().statusCode(200).body("items.amountCents", contains(100, 200, 300));
        as("Owner").queryParam("limit", 3).queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/appointments/" + appointment + "/payments").then().statusCode(200)
                .body("items.amountCents", contains(400, 500)).body("nextCursor", nullValue());
    }
}
