package com.autoshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerProfileTest {

    static RequestSpecification advisor() {
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")));
    }

    static Response profile(UUID customer, Map<String, ?> query) {
        return advisor().queryParam("include", "appointmentDetails").queryParams(query)
                .get("/api/admin/customers/" + customer);
    }

    @Test
    void profileHoldsCustomerVehiclesWithStatsAppointmentsWithDetailsAndCustomerStats() {
        UUID customer = Fixtures.customer(Fixtures.unique("Profile"));
        UUID car = Fixtures.vehicle(customer);
        UUID van = Fixtures.vehicle(customer);
        Fixtures.history(customer, car, 3);
        UUID upcoming = Fixtures.appointment(customer, van, Instant.now().plus(2, ChronoUnit.DAYS), "SCHEDULED");

        profile(customer, Map.of()).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("W/\""))
                .body("customer.id", equalTo(customer.toString()))
                .body("vehicles.size()", equalTo(2))
                .body("vehicles.find { it.id == '%s' }.visits".formatted(car), equalTo(3))
                .body("vehicles.find { it.id == '%s' }.totalSpentCents".formatted(car), equalTo(18000))
                .body("vehicles.find { it.id == '%s' }.visits".formatted(van), equalTo(0))
                .body("vehicles.find { it.id == '%s' }.lastVisitAt".formatted(van), nullValue())
                .body("appointments.items.size()", equalTo(4))
                .body("appointments.items[0].id", equalTo(upcoming.toString()))
                .body("appointments.items[1].services.size()", equalTo(2))
                .body("appointments.items[1].payments[0].amountCents", equalTo(6000))
                .body("appointments.items[1].messages.size()", equalTo(2))
                .body("appointments.nextCursor", nullValue())
                .body("stats.lifetimeSpendCents", equalTo(18000))
                .body("stats.visits", equalTo(3))
                .body("stats.lastVisitAt", notNullValue())
                .body("stats.isVip", equalTo(false))
                .body("stats.overdueForService", equalTo(false));
    }

    @Test
    void appointmentsComeNewestFirstAndPageWithACursorWithoutGapsOrRepeats() {
        UUID customer = Fixtures.customer(Fixtures.unique("Pages"));
        UUID vehicle = Fixtures.vehicle(customer);
        Fixtures.history(customer, vehicle, 7);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new java.util.HashMap<>(Map.of("limitAppointments", 3));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Response page = profile(customer, query);
            page.then().statusCode(200);
            seen.addAll(page.path("appointments.items.id"));
            cursor = page.path("appointments.nextCursor");
        } while (cursor != null);

        List<String> expected = Sql.rows("SELECT id::text AS id FROM appointments WHERE customer_id = ? ORDER BY starts_at DESC, id DESC",
                customer).stream().map(row -> row.get("id").toString()).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersByVehicleAndTimeAndLeavesDetailsOutWithoutAppointmentDetails() {
        UUID customer = Fixtures.customer(Fixtures.unique("Filter"));
        UUID car = Fixtures.vehicle(customer);
        UUID van = Fixtures.vehicle(customer);
        Fixtures.history(customer, car, 2);
        Fixtures.appointment(customer, van, Instant.now().minus(40, ChronoUnit.DAYS), "COMPLETED");

        profile(customer, Map.of("vehicleId", van.toString())).then().statusCode(200)
                .body("appointments.items.size()", equalTo(1))
                .body("appointments.items[0].vehicleId", equalTo(van.toString()));
        profile(customer, Map.of("from", Instant.now().minus(30, ChronoUnit.DAYS).toString())).then()
                .body("appointments.items.size()", equalTo(2));
        profile(customer, Map.of("to", Instant.now().minus(30, ChronoUnit.DAYS).toString())).then()
                .body("appointments.items.size()", equalTo(1));
        advisor().queryParam("include", "appointments").get("/api/admin/customers/" + customer).then().statusCode(200)
                .body("appointments.items.size()", equalTo(3))
                .body("appointments.items", everyItem(not(hasKey("services"))));
    }

    @Test
    void overdueAfter180DaysAndVipComeFromTheCustomer() {
        UUID customer = Fixtures.customer(Fixtures.unique("Overdue"));
        Sql.update("UPDATE customers SET is_vip = true WHERE id = ?", customer);
        UUID vehicle = Fixtures.vehicle(customer);
        Fixtures.appointment(customer, vehicle, Instant.now().minus(200, ChronoUnit.DAYS), "COMPLETED");
        profile(customer, Map.of()).then().body("stats.overdueForService", equalTo(true))
                .body("stats.isVip", equalTo(true));
    }

    @Test
    void answers304ForAnUnchangedProfileAnd200OnceItChanged() {
        UUID customer = Fixtures.customer(Fixtures.unique("Cache"));
        UUID vehicle = Fixtures.vehicle(customer);
        Fixtures.history(customer, vehicle, 1);
        String etag = profile(customer, Map.of()).header("ETag");

        profile(customer, Map.of()).then().header("ETag", etag);
        advisor().header("If-None-Match", etag).queryParam("include", "appointmentDetails")
                .get("/api/admin/customers/" + customer).then().statusCode(304);
        Fixtures.appointment(customer, vehicle, Instant.now().plus(5, ChronoUnit.DAYS), "SCHEDULED");
        advisor().header("If-None-Match", etag).queryParam("include", "appointmentDetails")
                .get("/api/admin/customers/" + customer).then().statusCode(200);
    }

    @Test
    void refusesBadParametersAndUnknownCustomers() {
        UUID customer = Fixtures.customer(Fixtures.unique("Params"));
        profile(customer, Map.of("limitAppointments", 101)).then().statusCode(400)
                .body("errors[0].field", equalTo("limitAppointments"));
        profile(customer, Map.of("from", "yesterday")).then().statusCode(400).body("errors[0].field", equalTo("from"));
        profile(customer, Map.of("vehicleId", "42")).then().statusCode(400).body("errors[0].field", equalTo("vehicleId"));
        advisor().queryParam("include", "everything").get("/api/admin/customers/" + customer).then().statusCode(400)
                .body("errors[0].field", equalTo("include"));
        profile(UUID.randomUUID(), Map.of()).then().statusCode(404).body("code", equalTo("RESOURCE_NOT_FOUND"));
    }

    /** A page of 20 with details is over 8 KB: it still leaves in one compressed piece with its length, not in chunks. */
    @Test
    void gzipIsUsedWhenTheClientAcceptsIt() {
        UUID customer = Fixtures.customer(Fixtures.unique("Gzip"));
        Fixtures.history(customer, Fixtures.vehicle(customer), 20);
        Response response = advisor().header("Accept-Encoding", "gzip").queryParam("include", "appointmentDetails")
                .get("/api/admin/customers/" + customer);
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
        response.then().body("appointments.items.size()", equalTo(20));
        assertThat(response.asByteArray().length).isGreaterThan(8192);
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length")).isNotNull();
    }
}
