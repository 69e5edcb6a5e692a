package com.autoshop.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    private static final AtomicLong DAYS = new AtomicLong(Math.abs(System.nanoTime() % 10_000));

    /** A day of its own (days 60,000 and later belong to this class), so the range's figures are this test's alone. */
    static Instant freshDay() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(60_000 + DAYS.addAndGet(10), ChronoUnit.DAYS);
    }

    static Response stats(String role, Instant from) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role)))
                .queryParam("from", from.toString()).queryParam("to", from.plus(1, ChronoUnit.DAYS).toString())
                .get("/api/admin/dashboard/stats");
    }

    /** An appointment of a new customer at {@code startsAt}, in {@code status}, totalling {@code total}, with {@code paid} paid. */
    static UUID appointment(Instant startsAt, String status, long total, long paid) {
        UUID customer = Fixtures.customer(Fixtures.unique("Dash"));
        UUID id = Fixtures.appointment(customer, Fixtures.vehicle(customer), startsAt, status);
        Sql.update("UPDATE appointments SET total_cents = ?, paid_cents = ? WHERE id = ?", total, paid, id);
        return id;
    }

    /** Asks until an answer comes from the cache (a stray notification of another test may drop it once). */
    static Response cached(Instant day) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Response response = stats("Advisor", day);
            if (Statements.of(response) == 0) {
                return response;
            }
        }
        throw new AssertionError("the stats were never served from the cache");
    }

    @Test
    void figuresOfTheRangeInOneStatementThenFromTheCache() {
        Instant day = freshDay();
        appointment(day.plus(8, ChronoUnit.HOURS), "SCHEDULED", 10_000, 0);
        appointment(day.plus(9, ChronoUnit.HOURS), "READY", 20_000, 5_000);
        appointment(day.plus(10, ChronoUnit.HOURS), "COMPLETED", 30_000, 30_000);
        appointment(day.plus(11, ChronoUnit.HOURS), "COMPLETED", 40_000, 10_000);
        appointment(day.plus(12, ChronoUnit.HOURS), "CANCELED", 50_000, 0);
        appointment(day.plus(26, ChronoUnit.HOURS), "READY", 99_000, 0);

        Response first = stats("Accountant", day);
        first.then().statusCode(200)
                .body("appointments", equalTo(5))
                .body("byStatus.SCHEDULED", equalTo(1)).body("byStatus.READY", equalTo(1))
                .body("byStatus.COMPLETED", equalTo(2)).body("byStatus.CANCELED", equalTo(1))
                .body("byStatus.IN_PROGRESS", equalTo(0)).body("byStatus.NO_SHOW", equalTo(0))
                .body("unpaid.cents", equalTo(45_000)).body("unpaid.appointments", equalTo(2))
                .body("collectedCents", equalTo(0));
        assertThat(Statements.of(first)).isLessThanOrEqualTo(1);

        Response again = cached(day);
        assertThat(again.<Integer>path("unpaid.cents")).isEqualTo(45_000);
        assertThat(Statements.of(again)).isZero();
    }

    @Test
    void aPaymentIsVisibleInTheNextCall() {
        Instant day = freshDay();
        UUID ready = appointment(day.plus(9, ChronoUnit.HOURS), "READY", 20_000, 0);
        Sql.update("UPDATE appointments SET total_cents = 20000 WHERE id = ?", ready);
        Sql.update("INSERT INTO appointment_services (id, appointment_id, name, price_cents) VALUES (gen_random_uuid(), ?, 'Work', 20000)",
                ready);
        cached(day).then().body("unpaid.cents", equalTo(20_000));

        given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor"))).contentType(ContentType.JSON)
                .body(Map.of("amountCents", 15_000, "method", "card"))
                .post("/api/appointments/" + ready + "/payments").then().statusCode(201);
        Response next = stats("Advisor", day);
        next.then().body("unpaid.cents", equalTo(5_000)).body("unpaid.appointments", equalTo(1));
        assertThat(Statements.of(next)).isEqualTo(1);
    }

    @Test
    void outstandingIsWhatDoneWorkStillOwesOverAllTime() {
        List<Integer> before = outstanding();
        UUID ready = Fixtures.billable(20_000, "READY");
        Instant day = freshDay();
        appointment(day.plus(10, ChronoUnit.HOURS), "COMPLETED", 30_000, 30_000);
        UUID open = appointment(day.plus(11, ChronoUnit.HOURS), "IN_PROGRESS", 40_000, 0);
        assertThat(outstanding()).containsExactly(before.get(0) + 20_000, before.get(1) + 1);

        given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor"))).contentType(ContentType.JSON)
                .body(Map.of("amountCents", 20_000, "method", "card"))
                .post("/api/appointments/" + ready + "/payments").then().statusCode(201);
        assertThat(outstanding()).isEqualTo(before);

        Sql.update("UPDATE appointments SET status = 'READY' WHERE id = ?", open);
        assertThat(outstanding()).containsExactly(before.get(0) + 40_000, before.get(1) + 1);
    }

    /** The outstanding figure (cents, appointments), asked for with a range of its own so that it is not cached. */
    static List<Integer> outstanding() {
        Response response = stats("Owner", freshDay());
        response.then().statusCode(200);
        return List.of(response.path("outstanding.cents"), response.path("outstanding.appointments"));
    }

    @Test
    void aChangeMadeElsewhereReachesTheCacheThroughTheDatabaseNotification() throws Exception {
        Instant day = freshDay();
        UUID scheduled = appointment(day.plus(9, ChronoUnit.HOURS), "SCHEDULED", 1_000, 0);
        cached(day).then().body("byStatus.SCHEDULED", equalTo(1));

        // another instance (or a tool) changes the appointment: only the NOTIFY tells this instance
        Sql.update("UPDATE appointments SET status = 'READY' WHERE id = ?", scheduled);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Response latest;
        do {
            Thread.sleep(50);
            latest = stats("Advisor", day);
        } while (!Integer.valueOf(1).equals(latest.path("byStatus.READY")) && System.nanoTime() < deadline);
        latest.then().body("byStatus.READY", equalTo(1)).body("byStatus.SCHEDULED", equalTo(0))
                .body("unpaid.cents", equalTo(1_000));
    }

    @Test
    void defaultsToTodayAndRefusesBadRanges() {
        given().header("Authorization", Tokens.bearer(Tokens.staff("Tech"))).get("/api/admin/dashboard/stats").then()
                .statusCode(200).body("from", equalTo(Instant.now().truncatedTo(ChronoUnit.DAYS).toString().replace("Z", ".000Z")));
        Instant day = freshDay();
        given().header("Authorization", Tokens.bearer(Tokens.staff("Owner")))
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/admin/dashboard/stats").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.bearer(Tokens.staff("Owner"))).queryParam("from", "yesterday")
                .get("/api/admin/dashboard/stats").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get("/api/admin/dashboard/stats").then().statusCode(401);
    }
}
