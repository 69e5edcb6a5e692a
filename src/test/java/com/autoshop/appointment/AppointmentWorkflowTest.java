package com.autoshop.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppointmentWorkflowTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    /**
     * Days handed out one after another from 20,000 days ahead, a range no other test books: random draws
     * from a range other tests also used gave two tests one board (80 cards on a board expected empty).
     */
    private static final AtomicLong FRESH_DAYS = new AtomicLong(20_000 + Math.abs(System.nanoTime() % 5_000));

    /** A start time on a day of its own far in the future, so tests never share a board day. */
    static Instant freshDay(int hour) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(FRESH_DAYS.incrementAndGet(), ChronoUnit.DAYS)
                .plus(hour, ChronoUnit.HOURS);
    }

    static Response book(UUID customer, UUID vehicle, UUID technician, Instant startsAt, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "vehicleId", vehicle,
                "startsAt", startsAt.toString()));
        if (technician != null) {
            body.put("technicianId", technician);
        }
        body.putAll(extra);
        return as("Advisor").body(body).post("/api/admin/appointments");
    }

    record Car(UUID customer, UUID vehicle) {
        static Car create() {
            UUID customer = Fixtures.customer(Fixtures.unique("Booker"));
            return new Car(customer, Fixtures.vehicle(customer));
        }
    }

    static UUID activeTechnician() {
        UUID id = Fixtures.technician();
        Sql.update("UPDATE technicians SET active = true WHERE id = ?", id);
        return id;
    }

    @Test
    void createBooksTwoHoursWithServicesTotalAndAuditInOneTransaction() {
        Car car = Car.create();
        Instant start = freshDay(9);
        Response created = book(car.customer(), car.vehicle(), null, start, Map.of("title", "Brakes",
                "services", List.of(Map.of("name", "Pads", "priceCents", 12000, "estimatedHours", 1.5),
                        Map.of("name", "Labour", "priceCents", 8000))));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED"))
                .body("endsAt", equalTo(start.plus(2, ChronoUnit.HOURS).toString().replace("Z", ".000Z")))
                .body("totalCents", equalTo(20000)).body("paidCents", equalTo(0))
                .body("services.name", contains("Pads", "Labour"))
                .body("position", equalTo(0)).body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/appointments/" + id);
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action = 'create'", id)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM appointment_services WHERE appointment_id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void createRefusesBadTimesAndReferencesWithFieldErrors() {
        Car car = Car.create();
        Instant start = freshDay(8);
        book(car.customer(), car.vehicle(), null, start, Map.of("endsAt", start.toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        book(car.customer(), car.vehicle(), null, start, Map.of("endsAt", start.plus(49, ChronoUnit.HOURS).toString()))
                .then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        book(car.customer(), car.vehicle(), null, Instant.now().minus(1, ChronoUnit.HOURS), Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        book(car.customer(), Fixtures.vehicle(Fixtures.customer("Someone Else")), null, start, Map.of()).then()
                .statusCode(400).body("errors[0].field", equalTo("vehicleId"));
        book(car.customer(), car.vehicle(), Fixtures.technician(), start, Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("technicianId"));
        book(car.customer(), car.vehicle(), null, start, Map.of("services", List.of(Map.of("name", "Free", "priceCents", -1))))
                .then().statusCode(400).body("errors[0].field", equalTo("services[0].priceCents"));
        as("Advisor").body(Map.of("customerId", car.customer(), "vehicleId", car.vehicle(), "startsAt", "tomorrow"))
                .post("/api/admin/appointments").then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        assertThat(Sql.count("SELECT count(*) FROM appointments WHERE vehicle_id = ?", car.vehicle())).isZero();
    }

    @Test
    void overlapsOfTheTechnicianOrTheVehicleAre409NamingTheAppointment() {
        Car first = Car.create();
        Car second = Car.create();
        UUID technician = activeTechnician();
        Instant start = freshDay(10);
        String booked = book(first.customer(), first.vehicle(), technician, start, Map.of()).path("id");

        book(second.customer(), second.vehicle(), technician, start.plus(1, ChronoUnit.HOURS), Map.of()).then()
                .statusCode(409).body("code", equalTo("CONFLICT")).body("conflictingAppointmentIds", contains(booked));
        book(first.customer(), first.vehicle(), null, start.minus(1, ChronoUnit.HOURS), Map.of()).then()
                .statusCode(409).body("conflictingAppointmentIds", contains(booked));
        book(second.customer(), second.vehicle(), technician, start.plus(2, ChronoUnit.HOURS), Map.of()).then()
                .statusCode(201);

        as("Advisor").delete("/api/admin/appointments/" + booked).then().statusCode(204);
        book(second.customer(), second.vehicle(), null, start.minus(1, ChronoUnit.HOURS), Map.of()).then()
                .statusCode(201);
    }

    @Test
    void cancelledAndNoShowAppointmentsFreeTheirSlot() {
        Car car = Car.create();
        Instant start = freshDay(11);
        String id = book(car.customer(), car.vehicle(), null, start, Map.of()).path("id");
        as("Advisor").header("If-Match", "\"0\"").body(Map.of("status", "CANCELED"))
                .patch("/api/appointments/" + id).then().statusCode(200).body("status", equalTo("CANCELED"))
                .header("ETag", "\"1\"");
        book(car.customer(), car.vehicle(), null, start, Map.of()).then().statusCode(201);
    }

    @Test
    void patchChangesFieldsUnderIfMatchAndRefusesOverlapsAndBadTransitions() {
        Car car = Car.create();
        UUID technician = activeTechnician();
        Instant start = freshDay(9);
        String other = book(car.customer(), car.vehicle(), technician, start.plus(4, ChronoUnit.HOURS), Map.of()).path("id");
        String id = book(car.customer(), car.vehicle(), null, start, Map.of("title", "Check")).path("id");

        as("Advisor").header("If-Match", "\"0\"").body(Map.of("title", "Full check", "technicianId", technician.toString()))
                .patch("/api/appointments/" + id).then().statusCode(200)
                .body("title", equalTo("Full check")).body("technicianId", equalTo(technician.toString()))
                .body("version", equalTo(1));
        as("Advisor").header("If-Match", "\"0\"").body(Map.of("notes", "stale")).patch("/api/appointments/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        as("Advisor").body(Map.of("startsAt", start.plus(3, ChronoUnit.HOURS).toString(),
                "endsAt", start.plus(5, ChronoUnit.HOURS).toString()))
                .patch("/api/appointments/" + id).then().statusCode(409)
                .body("conflictingAppointmentIds", contains(other));
        as("Advisor").body(Map.of("status", "COMPLETED")).patch("/api/appointments/" + id).then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        as("Advisor").body(Map.of("vehicleId", Fixtures.vehicle(Fixtures.customer("Stranger")).toString()))
                .patch("/api/appointments/" + id).then().statusCode(400);
        as("Tech").body(Map.of("title", "x")).patch("/api/appointments/" + id).then().statusCode(403);
        assertThat(Sql.value("SELECT title FROM appointments WHERE id = ?::uuid", id)).isEqualTo("Full check");
    }

    @Test
    void transitionsFollowTheStatusMachineAndSetTheirTimestampsOnce() {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of()).path("id");

        as("Tech").post("/api/appointments/" + id + "/complete").then().statusCode(403);
        as("Advisor").post("/api/appointments/" + id + "/complete").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        String started = as("Tech").post("/api/appointments/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startedAt", notNullValue()).extract().path("startedAt");
        as("Tech").post("/api/appointments/" + id + "/start").then().statusCode(200).body("startedAt", equalTo(started));
        as("Tech").post("/api/appointments/" + id + "/ready").then().statusCode(200).body("status", equalTo("READY"))
                .body("startedAt", equalTo(started)).body("completedAt", nullValue());
        as("Owner").post("/api/appointments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedAt", notNullValue());
        as("Advisor").post("/api/appointments/" + id + "/start").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        as("Accountant").post("/api/appointments/" + id + "/start").then().statusCode(403);
        as("Advisor").post("/api/appointments/" + UUID.randomUUID() + "/start").then().statusCode(404);
    }

    @Test
    void checkInAndCheckOutOnlySetTheirTimestamps() {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of()).path("id");
        as("Tech").post("/api/appointments/" + id + "/check-out").then().statusCode(409);
        String in = as("Tech").post("/api/appointments/" + id + "/check-in").then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("checkInAt", notNullValue()).extract().path("checkInAt");
        as("Tech").post("/api/appointments/" + id + "/check-in").then().body("checkInAt", equalTo(in));
        as("Tech").post("/api/appointments/" + id + "/check-out").then().statusCode(200)
                .body("checkOutAt", notNullValue()).body("status", equalTo("SCHEDULED"));
    }

    /** {@code count} appointments an hour apart on a fresh day, each of its own car: one SCHEDULED column. */
    static String[] scheduledInOneDay(int count) {
        Instant start = freshDay(7);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            Car car = Car.create();
            ids[i] = book(car.customer(), car.vehicle(), null, start.plus(i, ChronoUnit.HOURS), Map.of()).path("id");
        }
        return ids;
    }

    @Test
    void aMoveBeyondTheEndOfItsColumnLandsLast() {
        String[] ids = scheduledInOneDay(3);
        move(ids[0], "SCHEDULED", 50, 0).then().statusCode(200).body("position", equalTo(2));
        assertThat(positions(ids)).containsExactly("SCHEDULED:2", "SCHEDULED:0", "SCHEDULED:1");
        move(ids[0], "SCHEDULED", 1, 1).then().statusCode(200).body("position", equalTo(1));
        assertThat(positions(ids)).containsExactly("SCHEDULED:1", "SCHEDULED:0", "SCHEDULED:2");
    }

    @Test
    void aRefusedMoveChangesNothingAndATransitionsTimestampIsSetOnce() {
        String[] ids = scheduledInOneDay(3);
        move(ids[2], "SCHEDULED", 0, 3).then().statusCode(409).body("code", equalTo("STALE_VERSION"));
        move(ids[2], "READY", 0, 0).then().statusCode(200);
        move(ids[2], "SCHEDULED", 0, 1).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        move(UUID.randomUUID().toString(), "SCHEDULED", 0, 0).then().statusCode(404);
        assertThat(positions(ids)).containsExactly("SCHEDULED:0", "SCHEDULED:1", "READY:0");
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action = 'move'", ids[2])).isEqualTo(1L);
        assertThat(Sql.count("SELECT max(version) FROM appointments WHERE id = ?::uuid", ids[2])).isEqualTo(1L);

        String started = move(ids[1], "IN_PROGRESS", 0, 0).then().statusCode(200).extract().path("startedAt");
        move(ids[1], "READY", 0, 1).then().statusCode(200).body("startedAt", equalTo(started)).body("completedAt", nullValue());
        as("Advisor").body(Map.of("status", "COMPLETED", "position", 0, "version", 2))
                .patch("/api/admin/appointments/" + ids[1] + "/move").then().statusCode(200)
                .body("startedAt", equalTo(started)).body("completedAt", notNullValue());
        assertThat(positions(ids)).containsExactly("SCHEDULED:0", "COMPLETED:0", "READY:0");
    }

    @Test
    void moveIsOptimisticAndKeepsPositionsDenseWithinAColumn() {
        String[] ids = scheduledInOneDay(4);
        assertThat(positions(ids)).containsExactly("SCHEDULED:0", "SCHEDULED:1", "SCHEDULED:2", "SCHEDULED:3");

        move(ids[3], "SCHEDULED", 0, 0).then().statusCode(200).body("position", equalTo(0)).body("version", equalTo(1));
        assertThat(positions(ids)).containsExactly("SCHEDULED:1", "SCHEDULED:2", "SCHEDULED:3", "SCHEDULED:0");

        // shifting neighbours is the board's bookkeeping: it does not change their version
        move(ids[1], "IN_PROGRESS", 5, 0).then().statusCode(200).body("position", equalTo(0))
                .body("startedAt", notNullValue());
        assertThat(positions(ids)).containsExactly("SCHEDULED:1", "IN_PROGRESS:0", "SCHEDULED:2", "SCHEDULED:0");

        move(ids[2], "IN_PROGRESS", 0, 0).then().statusCode(200);
        assertThat(positions(ids)).containsExactly("SCHEDULED:1", "IN_PROGRESS:1", "IN_PROGRESS:0", "SCHEDULED:0");

        move(ids[0], "IN_PROGRESS", 0, 7).then().statusCode(409).body("code", equalTo("STALE_VERSION"));
        move(ids[1], "SCHEDULED", 0, 1).then().statusCode(409).body("code", equalTo("INVALID_TRANSITION"));
        as("Tech").body(Map.of("status", "COMPLETED", "position", 0, "version", 1))
                .patch("/api/admin/appointments/" + ids[1] + "/move").then().statusCode(403);
        as("Advisor").body(Map.of("status", "DONE", "position", 0, "version", 1))
                .patch("/api/admin/appointments/" + ids[1] + "/move").then().statusCode(400);

        as("Advisor").delete("/api/admin/appointments/" + ids[3]).then().statusCode(204);
        assertThat(positions(ids[0], ids[1], ids[2])).containsExactly("SCHEDULED:0", "IN_PROGRESS:1", "IN_PROGRESS:0");
    }

    static Response move(String id, String status, int position, long version) {
        return as("Tech").body(Map.of("status", status, "position", position, "version", version))
                .patch("/api/admin/appointments/" + id + "/move");
    }

    static List<String> positions(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> {
            Map<String, Object> row = Sql.rows("SELECT status, position FROM appointments WHERE id = ?::uuid", id).get(0);
            return row.get("status") + ":" + row.get("position");
        }).toList();
    }
}
