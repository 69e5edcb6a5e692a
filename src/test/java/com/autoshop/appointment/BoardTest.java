package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.support.Fixtures;
import com.autoshop.support.PreparedStatements;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardTest {

    @Inject
    Pool pool;

    /** The move's statement is longer than Vert.x's default cache limit: unprepared, it was parsed and planned on every move. */
    @Test
    void theMoveAndTheBoardStayPrepared() {
        assertThat(AppointmentStore.UPDATE.length()).isGreaterThan(2048);
        assertThat(PreparedStatements.timesPrepared(pool, AppointmentStore.UPDATE)).isEqualTo(1);
        assertThat(PreparedStatements.timesPrepared(pool, BoardQuery.BOARD_SQL)).isEqualTo(1);
    }

    @Test
    void boardHasEveryStatusColumnWithCountsSumsAndCardsInPositionOrder() {
        Instant day = freshDay(0);
        Car a = Car.create();
        Car b = Car.create();
        Car c = Car.create();
        String first = book(a.customer(), a.vehicle(), null, day.plus(8, ChronoUnit.HOURS),
                Map.of("services", List.of(Map.of("name", "Oil", "priceCents", 5000), Map.of("name", "Filter", "priceCents", 1500))))
                .path("id");
        String second = book(b.customer(), b.vehicle(), null, day.plus(9, ChronoUnit.HOURS),
                Map.of("services", List.of(Map.of("name", "Tyres", "priceCents", 40000)))).path("id");
        String third = book(c.customer(), c.vehicle(), null, day.plus(10, ChronoUnit.HOURS), Map.of()).path("id");
        as("Tech").post("/api/appointments/" + third + "/start").then().statusCode(200);

        Response board = as("Tech").queryParam("from", day.toString())
                .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString()).get("/api/admin/appointments/board");
        board.then().statusCode(200)
                .body("columns.status", contains("SCHEDULED", "IN_PROGRESS", "READY", "COMPLETED", "NO_SHOW", "CANCELED"))
                .body("columns[0].count", equalTo(2)).body("columns[0].totalCents", equalTo(46500))
                .body("columns[0].cards.id", contains(first, second))
                .body("columns[0].cards[0].servicesSummary", equalTo("Oil, Filter"))
                .body("columns[0].cards[0].serviceCount", equalTo(2))
                .body("columns[0].cards[0].vehicleLabel", equalTo("2019 Honda Civic"))
                .body("columns[0].cards[0].customerName", org.hamcrest.Matchers.startsWith("Booker"))
                .body("columns[1].cards.id", contains(third))
                .body("columns[5].count", equalTo(0)).body("columns[5].cards.size()", equalTo(0));

        as("Tech").header("If-None-Match", board.header("ETag")).queryParam("from", day.toString())
                .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString()).get("/api/admin/appointments/board")
                .then().statusCode(304);
    }

    @Test
    void boardFiltersByTechnicianAndRefusesHugeOrInvertedRanges() {
        Instant day = freshDay(0);
        UUID technician = AppointmentWorkflowTest.activeTechnician();
        Car a = Car.create();
        Car b = Car.create();
        String mine = book(a.customer(), a.vehicle(), technician, day.plus(8, ChronoUnit.HOURS), Map.of()).path("id");
        book(b.customer(), b.vehicle(), null, day.plus(8, ChronoUnit.HOURS), Map.of());
        as("Advisor").queryParam("from", day.toString()).queryParam("to", day.plus(1, ChronoUnit.DAYS).toString())
                .queryParam("technicianId", technician.toString()).get("/api/admin/appointments/board")
                .then().statusCode(200).body("columns[0].cards.id", contains(mine));
        as("Advisor").queryParam("from", day.toString()).queryParam("to", day.plus(40, ChronoUnit.DAYS).toString())
                .get("/api/admin/appointments/board").then().statusCode(400);
        as("Advisor").queryParam("from", day.toString()).queryParam("to", day.minus(1, ChronoUnit.DAYS).toString())
                .get("/api/admin/appointments/board").then().statusCode(400);
        as("Accountant").get("/api/admin/appointments/board").then().statusCode(403);
    }

    @Test
    void boardDefaultsToTodayAndTodayListsTodaysAppointments() {
        Car car = Car.create();
        Instant soon = Instant.now().plus(5, ChronoUnit.MINUTES);
        boolean stillToday = soon.atZone(java.time.ZoneOffset.UTC).toLocalDate().equals(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        String id = book(car.customer(), car.vehicle(), null, soon, Map.of()).path("id");
        if (stillToday) {
            as("Advisor").get("/api/admin/appointments/board").then().statusCode(200)
                    .body("columns[0].cards.id", hasItem(id));
            as("Accountant").queryParam("limit", 200).get("/api/admin/appointments/today").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void carsOnPremisesAreTheCheckedInNotCheckedOut() {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of()).path("id");
        as("Tech").get("/api/admin/cars-on-premises").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("Tech").post("/api/appointments/" + id + "/check-in").then().statusCode(200);
        as("Tech").get("/api/admin/cars-on-premises").then().body("items.id", hasItem(id))
                .body("items.find { it.id == '%s' }.licensePlate".formatted(id), org.hamcrest.Matchers.notNullValue());
        as("Tech").post("/api/appointments/" + id + "/check-out").then().statusCode(200);
        as("Tech").get("/api/admin/cars-on-premises").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void deletedAppointmentsLeaveTheBoard() {
        Instant day = freshDay(0);
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, day.plus(9, ChronoUnit.HOURS), Map.of()).path("id");
        as("Owner").delete("/api/admin/appointments/" + id).then().statusCode(204);
        as("Owner").delete("/api/admin/appointments/" + id).then().statusCode(404);
        as("Advisor").queryParam("from", day.toString()).get("/api/admin/appointments/board").then()
                .body("columns[0].count", equalTo(0));
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action = 'delete'", id))
                .isEqualTo(1);
        Fixtures.unique("unused");
    }
}
