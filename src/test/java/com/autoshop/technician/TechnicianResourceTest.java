package com.autoshop.technician;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TechnicianResourceTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    static String initials() {
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            initials.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return initials.toString();
    }

    @Test
    void createListAndDeactivate() {
        String initials = initials();
        String id = as("Advisor").body(Map.of("name", "Sam Spanner", "initials", initials.toLowerCase()))
                .post("/api/admin/technicians").then().statusCode(201).header("ETag", "\"0\"")
                .body("initials", equalTo(initials)).body("active", equalTo(true)).extract().path("id");
        as("Tech").get("/api/admin/technicians").then().statusCode(200).body("items.id", hasItem(id));

        as("Owner").header("If-Match", "\"0\"").body(Map.of("active", false)).patch("/api/admin/technicians/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        as("Tech").get("/api/admin/technicians").then().body("items.id", not(hasItem(id)));
        as("Tech").queryParam("includeInactive", true).get("/api/admin/technicians").then().body("items.id", hasItem(id));

        as("Advisor").body(Map.of("name", "New Sam", "initials", initials)).post("/api/admin/technicians")
                .then().statusCode(201);
    }

    @Test
    void initialsAreUniqueAmongActiveTechniciansAndValidated() {
        String initials = initials();
        as("Advisor").body(Map.of("name", "One", "initials", initials)).post("/api/admin/technicians").then().statusCode(201);
        as("Advisor").body(Map.of("name", "Two", "initials", initials)).post("/api/admin/technicians").then()
                .statusCode(409).body("errors[0].field", equalTo("initials"));
        as("Advisor").body(Map.of("name", "Three", "initials", "A1")).post("/api/admin/technicians").then().statusCode(400);
        as("Tech").body(Map.of("name", "Four", "initials", initials())).post("/api/admin/technicians").then().statusCode(403);
        as("Owner").body(Map.of("name", "x")).patch("/api/admin/technicians/" + UUID.randomUUID()).then().statusCode(404);
    }
}
