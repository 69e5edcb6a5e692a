package com.autoshop.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC.md section 5 for the workflow: board <= 2, move <= 2, create with its items and audit entry <= 3. */
@QuarkusTest
class WorkflowBudgetTest {

    static RequestSpecification advisor() {
        return given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor"))).contentType(ContentType.JSON);
    }

    static Instant day() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(30000 + Math.abs(System.nanoTime() % 20000), ChronoUnit.DAYS);
    }

    static Response create(Instant startsAt, int items) {
        UUID customer = Fixtures.customer(Fixtures.unique("Budget"));
        UUID vehicle = Fixtures.vehicle(customer);
        List<Map<String, Object>> services = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            services.add(Map.of("name", "Line " + i, "priceCents", 100 * i));
        }
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "vehicleId", vehicle,
                "startsAt", startsAt.toString(), "services", services));
        Response response = advisor().body(body).post("/api/admin/appointments");
        assertThat(response.statusCode()).isEqualTo(201);
        return response;
    }

    @Test
    void createIsWithinThreeStatementsWhateverTheNumberOfLines() {
        Instant day = day();
        List<Integer> counts = new ArrayList<>();
        for (int items : new int[] { 0, 1, 20, 50 }) {
            counts.add(Statements.of(create(day.plus(counts.size() * 3L, ChronoUnit.HOURS), items)));
        }
        assertThat(counts).containsOnly(counts.get(0));
        // at least the insert itself: a count of 0 would mean the statements escaped the request's count
        assertThat(counts.get(0)).isBetween(1, 3);
    }

    @Test
    void moveIsWithinTwoStatementsWhateverTheColumn() {
        Instant day = day();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(create(day.plus(i * 20L, ChronoUnit.MINUTES), 1).path("id"));
        }
        Response first = advisor().body(Map.of("status", "SCHEDULED", "position", 0, "version", 0))
                .patch("/api/admin/appointments/" + ids.get(29) + "/move");
        Response second = advisor().body(Map.of("status", "IN_PROGRESS", "position", 0, "version", 0))
                .patch("/api/admin/appointments/" + ids.get(0) + "/move");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(List.of(Statements.of(first), Statements.of(second))).allSatisfy(n -> assertThat(n).isBetween(1, 2));
    }

    @Test
    void boardIsOneStatementWhateverTheNumberOfCards() {
        Instant small = day();
        Instant large = day();
        create(small.plus(8, ChronoUnit.HOURS), 2);
        for (int i = 0; i < 60; i++) {
            create(large.plus(i * 20L, ChronoUnit.MINUTES), 3);
        }
        int one = Statements.of(board(small));
        int sixty = Statements.of(board(large));
        assertThat(one).isEqualTo(sixty).isLessThanOrEqualTo(2);
    }

    static Response board(Instant day) {
        Response response = advisor().queryParam("from", day.toString()).queryParam("to", day.plus(1, ChronoUnit.DAYS).toString())
                .get("/api/admin/appointments/board");
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
