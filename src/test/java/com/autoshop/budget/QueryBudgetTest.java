package com.autoshop.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC.md section 5: the statements each read sends (counted by the service itself and reported in
 * Server-Timing) do not depend on the data. Customers with 0, 1, 20 and 200 appointments, each with
 * services, payments and messages, must cost the same, within budget.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryBudgetTest {

    static final int[] SIZES = { 0, 1, 20, 200 };

    final Map<Integer, UUID> customers = new LinkedHashMap<>();
    final Map<Integer, UUID> vehicles = new LinkedHashMap<>();

    @BeforeAll
    void arrange() {
        for (int size : SIZES) {
            UUID customer = Fixtures.customer(Fixtures.unique("Budget " + size));
            UUID vehicle = Fixtures.vehicle(customer);
            Fixtures.history(customer, vehicle, size);
            customers.put(size, customer);
            vehicles.put(size, vehicle);
        }
    }

    static int statements(String path, Map<String, ?> query) {
        warmAccountCheck();
        Response response = given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")))
                .queryParams(query).get(path);
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return Statements.of(response);
    }

    /**
     * The token's account check is cached per instance (auth/AccountStatus); the request that finds it
     * cold pays one statement for it. Warm it, so that a count is the endpoint's own.
     */
    static void warmAccountCheck() {
        given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor"))).get("/api/me").then().statusCode(200);
    }

    List<Integer> perSize(java.util.function.IntFunction<Integer> measure) {
        List<Integer> counts = new ArrayList<>();
        for (int size : SIZES) {
            counts.add(measure.apply(size));
        }
        return counts;
    }

    @Test
    void profileWithAppointmentDetailsIsTwoStatementsWhateverTheNumberOfAppointments() {
        List<Integer> counts = perSize(size -> statements("/api/admin/customers/" + customers.get(size),
                Map.of("include", "appointmentDetails", "limitAppointments", 100)));
        assertThat(counts).as("statements for 0, 1, 20, 200 appointments").containsOnly(counts.get(0));
        assertThat(counts.get(0)).isEqualTo(2);
    }

    @Test
    void historyIsOneStatement() {
        assertThat(perSize(size -> statements("/api/customers/" + customers.get(size) + "/history",
                Map.of("limit", 200)))).containsOnly(1);
    }

    @Test
    void vehicleProfileIsOneStatement() {
        assertThat(perSize(size -> statements("/api/admin/vehicles/" + vehicles.get(size) + "/profile",
                Map.of("limit", 100)))).containsOnly(1);
    }

    @Test
    void drawerIsOneStatementWhateverItHolds() {
        UUID small = UUID.fromString(firstAppointment(1));
        UUID withDetails = UUID.fromString(firstAppointment(200));
        assertThat(statements("/api/appointments/" + small, Map.of())).isEqualTo(1);
        assertThat(statements("/api/appointments/" + withDetails, Map.of())).isEqualTo(1);
    }

    @Test
    void appointmentListIsOneStatementWhateverThePageSize() {
        assertThat(List.of(1, 50, 200)).allSatisfy(limit ->
                assertThat(statements("/api/admin/appointments", Map.of("limit", limit, "order", "desc"))).isEqualTo(1));
        assertThat(statements("/api/admin/appointments", Map.of("status", "COMPLETED", "q", "service", "limit", 200)))
                .isEqualTo(1);
    }

    @Test
    void searchIsOneStatement() {
        assertThat(statements("/api/admin/customers", Map.of("q", "Budget", "limit", 200))).isEqualTo(1);
        assertThat(statements("/api/admin/customers", Map.of("q", "Bu"))).isEqualTo(1);
        assertThat(statements("/api/admin/customers", Map.of())).isEqualTo(1);
    }

    @Test
    void ownershipCheckIsOneStatementForAnyNumberOfIds() {
        for (int ids : new int[] { 1, 100, 500 }) {
            List<UUID> vehicleIds = new ArrayList<>();
            vehicleIds.add(vehicles.get(20));
            while (vehicleIds.size() < ids) {
                vehicleIds.add(UUID.randomUUID());
            }
            warmAccountCheck();
            Response response = given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")))
                    .contentType(ContentType.JSON)
                    .body(Map.of("customerId", customers.get(20), "vehicleIds", vehicleIds))
                    .post("/api/admin/vehicles/ownership");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Statements.of(response)).as("statements for %d ids", ids).isEqualTo(1);
        }
    }

    private String firstAppointment(int size) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")))
                .queryParam("include", "appointments").queryParam("limitAppointments", 1)
                .get("/api/admin/customers/" + customers.get(size))
                .path("appointments.items[0].id");
    }
}
