package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.support.Concurrently;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The database, not a check in Java, keeps the rules when requests race each other. */
@QuarkusTest
class ConcurrencyTest {

    /** Runs {@code count} requests as close to simultaneously as threads allow; answers their status codes. */
    static List<Integer> race(int count, IntFunction<Integer> request) throws Exception {
        return Concurrently.run(count, request);
    }

    static Map<Integer, Long> tally(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    @Test
    void fiftySimultaneousBookingsOfOneTechniciansSlotGiveOneAppointment() throws Exception {
        UUID technician = AppointmentWorkflowTest.activeTechnician();
        Instant start = freshDay(10);
        List<Car> cars = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cars.add(Car.create());
        }
        List<Integer> statuses = race(50, i -> book(cars.get(i).customer(), cars.get(i).vehicle(), technician,
                start.plus(i % 5 * 10, ChronoUnit.MINUTES), Map.of()).statusCode());

        assertThat(tally(statuses)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
        assertThat(Sql.count("SELECT count(*) FROM appointments WHERE technician_id = ? AND deleted_at IS NULL", technician))
                .isEqualTo(1);
    }

    @Test
    void twentySimultaneousMovesWithTheSameVersionGiveOneMove() throws Exception {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of()).path("id");
        List<Integer> statuses = race(20, i -> as("Advisor")
                .body(Map.of("status", i % 2 == 0 ? "IN_PROGRESS" : "READY", "position", 0, "version", 0))
                .patch("/api/admin/appointments/" + id + "/move").statusCode());

        assertThat(tally(statuses)).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 19L));
        assertThat(Sql.count("SELECT version FROM appointments WHERE id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void totalsStayTheSumOfTheLinesAfterAHundredConcurrentEdits() throws Exception {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of("services",
                List.of(Map.of("name", "Base", "priceCents", 1000), Map.of("name", "Extra", "priceCents", 1000)))).path("id");
        List<String> lines = as("Advisor").get("/api/appointments/" + id + "/services").path("items.id");

        List<Integer> statuses = race(100, i -> switch (i % 4) {
            case 0 -> as("Advisor").body(Map.of("name", "Add " + i, "priceCents", 100 + i))
                    .post("/api/appointments/" + id + "/services").statusCode();
            case 1 -> as("Advisor").body(Map.of("priceCents", 500 + i))
                    .patch("/api/appointments/" + id + "/services/" + lines.get(0)).statusCode();
            case 2 -> as("Advisor").body(Map.of("priceCents", 700 + i))
                    .patch("/api/appointments/" + id + "/services/" + lines.get(1)).statusCode();
            default -> as("Tech").body(Map.of("notes", "note " + i))
                    .patch("/api/appointments/" + id + "/services/" + lines.get(0)).statusCode();
        });

        assertThat(statuses).as("every edit succeeds, one after the other").allMatch(s -> s == 200 || s == 201);
        assertThat(Sql.count("SELECT total_cents FROM appointments WHERE id = ?::uuid", id))
                .isEqualTo(Sql.count("SELECT sum(price_cents) FROM appointment_services WHERE appointment_id = ?::uuid", id));
        assertThat(Sql.count("SELECT count(*) FROM appointment_services WHERE appointment_id = ?::uuid", id)).isEqualTo(27);
    }
}
