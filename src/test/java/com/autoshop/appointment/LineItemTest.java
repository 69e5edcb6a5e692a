package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LineItemTest {

    static String appointment(int... prices) {
        Car car = Car.create();
        var services = java.util.Arrays.stream(prices)
                .mapToObj(price -> Map.<String, Object>of("name", "Item " + price, "priceCents", price)).toList();
        return book(car.customer(), car.vehicle(), null, freshDay(9), Map.of("services", services)).path("id");
    }

    @Test
    void everyChangeAnswersWithTheRecomputedTotal() {
        String id = appointment(1000);
        String added = as("Advisor").body(Map.of("name", "Wipers", "priceCents", 2500, "estimatedHours", 0.25))
                .post("/api/appointments/" + id + "/services").then().statusCode(201)
                .body("appointmentTotalCents", equalTo(3500)).body("service.estimatedHours", equalTo(0.25f))
                .extract().path("service.id");
        as("Advisor").body(Map.of("priceCents", 3000)).patch("/api/appointments/" + id + "/services/" + added)
                .then().statusCode(200).body("appointmentTotalCents", equalTo(4000))
                .body("service.name", equalTo("Wipers")).body("service.priceCents", equalTo(3000));
        as("Tech").get("/api/appointments/" + id + "/services").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("appointmentTotalCents", equalTo(4000));
        as("Advisor").delete("/api/appointments/" + id + "/services/" + added).then().statusCode(200)
                .body("appointmentTotalCents", equalTo(1000));
        assertThat(Sql.count("SELECT total_cents FROM appointments WHERE id = ?::uuid", id)).isEqualTo(1000);
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action LIKE '%-service'", id))
                .isEqualTo(3);
    }

    @Test
    void techniciansChangeNotesOnlyAndAccountantsNothing() {
        String id = appointment(1000);
        String line = as("Tech").get("/api/appointments/" + id + "/services").path("items[0].id");
        as("Tech").body(Map.of("notes", "Customer supplied the part")).patch("/api/appointments/" + id + "/services/" + line)
                .then().statusCode(200).body("service.notes", equalTo("Customer supplied the part"));
        as("Tech").body(Map.of("priceCents", 1)).patch("/api/appointments/" + id + "/services/" + line).then().statusCode(403);
        as("Tech").body(Map.of("name", "X", "priceCents", 1)).post("/api/appointments/" + id + "/services").then().statusCode(403);
        as("Tech").delete("/api/appointments/" + id + "/services/" + line).then().statusCode(403);
        as("Accountant").body(Map.of("notes", "n")).patch("/api/appointments/" + id + "/services/" + line).then().statusCode(403);
    }

    @Test
    void aTotalUnderWhatWasPaidIs409AndChangesNothing() {
        String id = appointment(5000);
        String line = as("Advisor").get("/api/appointments/" + id + "/services").path("items[0].id");
        Sql.update("INSERT INTO payments (id, appointment_id, amount_cents, method, created_by) VALUES (gen_random_uuid(), ?::uuid, 4000, 'cash', 'test')", id);
        Sql.update("UPDATE appointments SET paid_cents = 4000 WHERE id = ?::uuid", id);
        as("Advisor").body(Map.of("priceCents", 3000)).patch("/api/appointments/" + id + "/services/" + line)
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
        as("Advisor").delete("/api/appointments/" + id + "/services/" + line).then().statusCode(409);
        assertThat(Sql.count("SELECT total_cents FROM appointments WHERE id = ?::uuid", id)).isEqualTo(5000);
    }

    @Test
    void closedAppointmentsAndUnknownLinesAreRefused() {
        String id = appointment(1000);
        as("Advisor").post("/api/appointments/" + id + "/start").then().statusCode(200);
        as("Advisor").post("/api/appointments/" + id + "/complete").then().statusCode(200);
        as("Advisor").body(Map.of("name", "Late", "priceCents", 100)).post("/api/appointments/" + id + "/services")
                .then().statusCode(409);
        as("Advisor").body(Map.of("notes", "x")).patch("/api/appointments/" + id + "/services/" + UUID.randomUUID())
                .then().statusCode(404);
        as("Advisor").body(Map.of("name", "X", "priceCents", 1)).post("/api/appointments/" + UUID.randomUUID() + "/services")
                .then().statusCode(404);
        as("Advisor").body(Map.of("name", "", "priceCents", 1)).post("/api/appointments/" + id + "/services")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        as("Advisor").body(List.of()).post("/api/appointments/" + id + "/services").then().statusCode(400);
    }
}
