package com.autoshop.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppointmentReadTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role)));
    }

    @Test
    void listFiltersByWindowStatusAndTechnicianWithCustomerAndVehicleLabels() {
        UUID customer = Fixtures.customer(Fixtures.unique("Lister"));
        UUID vehicle = Fixtures.vehicle(customer);
        UUID technician = Fixtures.technician();
        Instant day = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        UUID morning = Fixtures.appointment(customer, vehicle, day.plus(8, ChronoUnit.HOURS), "SCHEDULED");
        UUID noon = Fixtures.appointment(customer, vehicle, day.plus(12, ChronoUnit.HOURS), "SCHEDULED");
        Fixtures.appointment(customer, vehicle, day.plus(16, ChronoUnit.HOURS), "CANCELED");
        Sql.update("UPDATE appointments SET technician_id = ? WHERE id = ?", technician, noon);

        as("Accountant").queryParam("from", day.toString()).queryParam("to", day.plus(1, ChronoUnit.DAYS).toString())
                .queryParam("status", "scheduled")
                .get("/api/admin/appointments").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(morning.toString(), noon.toString()))
                .body("items[0].customerName", org.hamcrest.Matchers.startsWith("Lister"))
                .body("items[0].vehicleLabel", equalTo("2019 Honda Civic"))
                .body("items[1].technicianInitials", notNullValue());
        as("Tech").queryParam("technicianId", technician.toString()).get("/api/admin/appointments").then()
                .body("items.id", org.hamcrest.Matchers.contains(noon.toString()));
        as("Tech").queryParam("from", day.toString()).queryParam("status", "SCHEDULED,CANCELED").queryParam("order", "desc")
                .get("/api/admin/appointments").then().body("items.size()", equalTo(3))
                .body("items[0].status", equalTo("CANCELED"));
    }

    @Test
    void listPagesWithACursorWithoutGapsOrRepeats() {
        UUID customer = Fixtures.customer(Fixtures.unique("Pager"));
        UUID vehicle = Fixtures.vehicle(customer);
        Instant day = Instant.now().plus(600, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(Fixtures.appointment(customer, vehicle, day.plus(3L * i, ChronoUnit.HOURS), "SCHEDULED").toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("Advisor").queryParam("from", day.toString())
                    .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/admin/appointments");
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listRefusesBadFilters() {
        as("Advisor").queryParam("status", "DONE").get("/api/admin/appointments").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("Advisor").queryParam("from", "2026-13-01").get("/api/admin/appointments").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("Advisor").queryParam("from", "2026-05-02T00:00:00Z").queryParam("to", "2026-05-01T00:00:00Z")
                .get("/api/admin/appointments").then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("Advisor").queryParam("technicianId", "me").get("/api/admin/appointments").then().statusCode(400);
        as("Advisor").queryParam("order", "sideways").get("/api/admin/appointments").then().statusCode(400);
        given().get("/api/admin/appointments").then().statusCode(401);
    }

    @Test
    void drawerHoldsEverythingTheAdvisorNeedsInOnePayload() {
        UUID customer = Fixtures.customer(Fixtures.unique("Drawer"));
        UUID vehicle = Fixtures.vehicle(customer);
        UUID appointment = Fixtures.appointment(customer, vehicle, Instant.now().minus(3, ChronoUnit.DAYS), "COMPLETED");
        Fixtures.details(appointment);
        for (int i = 0; i < 25; i++) {
            Sql.update("""
                    INSERT INTO messages (id, appointment_id, channel, direction, body, status, created_at)
                    VALUES (gen_random_uuid(), ?, 'sms', 'out', ?, 'delivered', now() + ? * interval '1 second')""",
                    appointment, "note " + i, i);
        }

        Response drawer = as("Accountant").get("/api/appointments/" + appointment);
        drawer.then().statusCode(200)
                .body("appointment.id", equalTo(appointment.toString()))
                .body("appointment.totalCents", equalTo(6000))
                .body("appointment.balanceCents", equalTo(0))
                .body("customer.id", equalTo(customer.toString()))
                .body("vehicle.id", equalTo(vehicle.toString()))
                .body("technician", nullValue())
                .body("services.size()", equalTo(2))
                .body("payments.size()", equalTo(1))
                .body("messages.size()", equalTo(20))
                .body("messages[0].body", equalTo("note 24"));
        as("Tech").header("If-None-Match", drawer.header("ETag")).get("/api/appointments/" + appointment)
                .then().statusCode(304);
    }

    @Test
    void drawerOfAMissingOrDeletedAppointmentIs404() {
        UUID customer = Fixtures.customer(Fixtures.unique("Missing"));
        UUID appointment = Fixtures.appointment(customer, Fixtures.vehicle(customer), Instant.now(), "CANCELED");
        Sql.update("UPDATE appointments SET deleted_at = now() WHERE id = ?", appointment);
        as("Advisor").get("/api/appointments/" + appointment).then().statusCode(404);
        as("Advisor").get("/api/appointments/" + UUID.randomUUID()).then().statusCode(404);
        as("Advisor").get("/api/appointments/12").then().statusCode(400);
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .get("/api/appointments/" + appointment).then().statusCode(404);
    }

    @Test
    void everyListedRowHasTheSameShapeAsTheDrawer() {
        UUID customer = Fixtures.customer(Fixtures.unique("Shape"));
        UUID vehicle = Fixtures.vehicle(customer);
        Instant day = Instant.now().plus(800, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        UUID appointment = Fixtures.appointment(customer, vehicle, day, "SCHEDULED");
        java.util.Map<String, Object> row = as("Advisor").queryParam("from", day.toString())
                .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString()).get("/api/admin/appointments").path("items[0]");
        java.util.Map<String, Object> drawer = as("Advisor").get("/api/appointments/" + appointment).path("appointment");
        assertThat(row).containsAllEntriesOf(drawer);
        as("Advisor").queryParam("from", day.toString()).get("/api/admin/appointments").then()
                .body("items.deletedAt", everyItem(nullValue()));
    }
}
