package com.autoshop.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC.md section 5 for money and messages: payment <= 3 statements; lists cost the same whatever their size. */
@QuarkusTest
class BillingBudgetTest {

    static RequestSpecification owner() {
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Owner"))).contentType(ContentType.JSON);
    }

    /** An appointment with {@code count} payments of 1 cent and {@code count} messages. */
    static UUID withHistory(int count) {
        UUID appointment = Fixtures.billable(1_000_000, "COMPLETED");
        Sql.update("""
                INSERT INTO payments (id, appointment_id, amount_cents, method, created_by)
                SELECT gen_random_uuid(), ?, 1, 'cash', 'staff:test' FROM generate_series(1, ?)""", appointment, count);
        Sql.update("UPDATE appointments SET paid_cents = ? WHERE id = ?", (long) count, appointment);
        Sql.update("""
                INSERT INTO messages (id, appointment_id, channel, direction, body, status)
                SELECT gen_random_uuid(), ?, 'email', 'out', 'Note ' || g, 'delivered' FROM generate_series(1, ?) g""",
                appointment, count);
        return appointment;
    }

    static int statements(Response response) {
        assertThat(response.statusCode()).isBetween(200, 201);
        return Statements.of(response);
    }

    @Test
    void paymentAndMessageListsAreOneStatementWhateverTheirSize() {
        List<Integer> payments = new ArrayList<>();
        List<Integer> messages = new ArrayList<>();
        for (int size : new int[] { 0, 1, 50, 300 }) {
            UUID appointment = withHistory(size);
            payments.add(statements(owner().queryParam("limit", 200).get("/api/appointments/" + appointment + "/payments")));
            messages.add(statements(owner().queryParam("limit", 200).get("/api/appointments/" + appointment + "/messages")));
        }
        assertThat(payments).containsOnly(1);
        assertThat(messages).containsOnly(1);
    }

    @Test
    void aPaymentOrAVoidIsAtMostThreeStatementsWithItsIdempotencyKey() {
        UUID appointment = withHistory(100);
        Map<String, Object> body = Map.of("amountCents", 500, "method", "card");
        int plain = statements(owner().body(body).post("/api/appointments/" + appointment + "/payments"));
        Response keyed = owner().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/appointments/" + appointment + "/payments");
        int voided = statements(owner().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/appointments/" + appointment + "/payments/" + keyed.path("id") + "/void"));
        assertThat(plain).isLessThanOrEqualTo(2);
        assertThat(statements(keyed)).isLessThanOrEqualTo(3);
        assertThat(voided).isLessThanOrEqualTo(3);
    }
}
