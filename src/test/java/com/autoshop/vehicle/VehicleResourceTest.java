package com.autoshop.vehicle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VehicleResourceTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role))).contentType(ContentType.JSON);
    }

    static Response create(UUID customer, String vin, String plate) {
        return as("Advisor").body(Map.of("customerId", customer, "year", 2021, "make", "Toyota", "model", "Corolla",
                "vin", vin, "licensePlate", plate)).post("/api/admin/vehicles");
    }

    @Test
    void createNormalisesVinAndPlateAndMakesTheFirstVehiclePrimary() {
        UUID customer = Fixtures.customer(Fixtures.unique("Owner"));
        String vin = Fixtures.vin();
        String plate = Fixtures.plate();
        Response first = create(customer, vin.toLowerCase(), plate.substring(0, 3) + " " + plate.substring(3).toLowerCase());
        first.then().statusCode(201).header("ETag", "\"0\"")
                .body("vin", equalTo(vin)).body("licensePlate", equalTo(plate))
                .body("isPrimary", equalTo(true)).body("label", equalTo("2021 Toyota Corolla"));
        assertThat(first.header("Location")).endsWith("/api/admin/vehicles/" + first.path("id"));

        Response second = as("Advisor").body(Map.of("customerId", customer, "make", "Ford", "isPrimary", true))
                .post("/api/admin/vehicles");
        second.then().statusCode(201).body("isPrimary", equalTo(true));
        assertThat(Sql.value("SELECT is_primary FROM vehicles WHERE id = ?::uuid", first.<String>path("id"))).isEqualTo(false);
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity = 'vehicle' AND entity_id = ?::uuid",
                second.<String>path("id"))).isEqualTo(1);
    }

    @Test
    void liveDuplicateVinOrPlateIs409AndADeletedVehicleFreesThem() {
        UUID customer = Fixtures.customer(Fixtures.unique("Dup"));
        String vin = Fixtures.vin();
        String plate = Fixtures.plate();
        String id = create(customer, vin, plate).then().statusCode(201).extract().path("id");

        create(customer, vin, Fixtures.plate()).then().statusCode(409).body("code", equalTo("CONFLICT"))
                .body("errors[0].field", equalTo("vin"));
        create(customer, Fixtures.vin(), plate).then().statusCode(409).body("errors[0].field", equalTo("licensePlate"));

        as("Advisor").delete("/api/admin/vehicles/" + id).then().statusCode(204);
        create(customer, vin, plate).then().statusCode(201);
    }

    @Test
    void invalidFieldsAndUnknownOwnersAre400() {
        UUID customer = Fixtures.customer(Fixtures.unique("Bad"));
        create(customer, "1HGCM82633A00435I", Fixtures.plate()).then().statusCode(400).body("errors[0].field", equalTo("vin"));
        create(customer, Fixtures.vin(), "TOO-LONG-PLATE-123").then().statusCode(400)
                .body("errors[0].field", equalTo("licensePlate"));
        as("Advisor").body(Map.of("customerId", customer, "year", 1700)).post("/api/admin/vehicles").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        as("Advisor").body(Map.of("make", "Kia")).post("/api/admin/vehicles").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        create(UUID.randomUUID(), Fixtures.vin(), Fixtures.plate()).then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void getPatchAndDeleteFollowTheResourceRules() {
        UUID customer = Fixtures.customer(Fixtures.unique("Edit"));
        String id = create(customer, Fixtures.vin(), Fixtures.plate()).path("id");

        as("Tech").get("/api/admin/vehicles/" + id).then().statusCode(200).header("ETag", "\"0\"");
        as("Advisor").header("If-Match", "\"0\"").body("{\"mileage\": 120500, \"color\": \"red\"}")
                .patch("/api/admin/vehicles/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("mileage", equalTo(120500)).body("color", equalTo("red"));
        as("Advisor").header("If-Match", "\"0\"").body("{\"mileage\": 1}").patch("/api/admin/vehicles/" + id)
                .then().statusCode(412);
        as("Advisor").body("{\"mileage\": -5}").patch("/api/admin/vehicles/" + id).then().statusCode(400);
        as("Tech").body("{\"mileage\": 5}").patch("/api/admin/vehicles/" + id).then().statusCode(403);

        UUID open = Fixtures.appointment(customer, UUID.fromString(id), Instant.now().plus(1, ChronoUnit.DAYS), "SCHEDULED");
        as("Advisor").delete("/api/admin/vehicles/" + id).then().statusCode(409);
        Sql.update("UPDATE appointments SET status = 'NO_SHOW' WHERE id = ?", open);
        as("Advisor").delete("/api/admin/vehicles/" + id).then().statusCode(204);
        as("Advisor").get("/api/admin/vehicles/" + id).then().statusCode(404);
        as("Advisor").get("/api/admin/vehicles/xyz").then().statusCode(400);
    }

    @Test
    void transferMovesOwnershipAndIsAudited() {
        UUID seller = Fixtures.customer(Fixtures.unique("Seller"));
        UUID buyer = Fixtures.customer(Fixtures.unique("Buyer"));
        String id = create(seller, Fixtures.vin(), Fixtures.plate()).path("id");
        Fixtures.history(seller, UUID.fromString(id), 2);

        as("Advisor").body(Map.of("customerId", buyer)).post("/api/admin/vehicles/" + id + "/transfer")
                .then().statusCode(200).body("customerId", equalTo(buyer.toString())).body("isPrimary", equalTo(true));
        var audit = Sql.rows("SELECT before->>'customerId' AS before, after->>'customerId' AS after FROM audit_entries "
                + "WHERE entity = 'vehicle' AND entity_id = ?::uuid AND action = 'transfer'", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("before", seller.toString()).containsEntry("after", buyer.toString());
        assertThat(Sql.count("SELECT count(*) FROM appointments WHERE vehicle_id = ?::uuid AND customer_id = ?", id, seller))
                .as("past appointments stay with the seller").isEqualTo(2);

        as("Advisor").body(Map.of("customerId", buyer)).post("/api/admin/vehicles/" + id + "/transfer")
                .then().statusCode(400);
        as("Advisor").body(Map.of("customerId", UUID.randomUUID())).post("/api/admin/vehicles/" + id + "/transfer")
                .then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        as("Tech").body(Map.of("customerId", seller)).post("/api/admin/vehicles/" + id + "/transfer").then().statusCode(403);
    }

    @Test
    void ownershipCheckSplitsTheIdsInOneAnswer() {
        UUID customer = Fixtures.customer(Fixtures.unique("Fleet"));
        UUID other = Fixtures.customer(Fixtures.unique("Other"));
        UUID mine1 = Fixtures.vehicle(customer);
        UUID mine2 = Fixtures.vehicle(customer);
        UUID theirs = Fixtures.vehicle(other);
        UUID unknown = UUID.randomUUID();

        as("Tech").body(Map.of("customerId", customer, "vehicleIds", List.of(mine1, theirs, mine2, unknown, mine1)))
                .post("/api/admin/vehicles/ownership").then().statusCode(200)
                .body("owned", contains(mine1.toString(), mine2.toString()))
                .body("notOwned", containsInAnyOrder(theirs.toString(), unknown.toString()));
        as("Tech").body(Map.of("customerId", customer, "vehicleIds", List.of())).post("/api/admin/vehicles/ownership")
                .then().statusCode(400);
        as("Tech").body(Map.of("customerId", customer, "vehicleIds", List.of("nope"))).post("/api/admin/vehicles/ownership")
                .then().statusCode(400);
        as("Accountant").body(Map.of("customerId", customer, "vehicleIds", List.of(mine1)))
                .post("/api/admin/vehicles/ownership").then().statusCode(403);
    }

    @Test
    void vehicleProfileListsServiceHistoryNewestFirst() {
        UUID customer = Fixtures.customer(Fixtures.unique("History"));
        UUID vehicle = Fixtures.vehicle(customer);
        Fixtures.history(customer, vehicle, 3);
        as("Tech").queryParam("limit", 2).get("/api/admin/vehicles/" + vehicle + "/profile").then().statusCode(200)
                .body("vehicle.id", equalTo(vehicle.toString()))
                .body("owner.id", equalTo(customer.toString()))
                .body("appointments.items.size()", equalTo(2))
                .body("appointments.items[0].services.size()", equalTo(2))
                .body("appointments.nextCursor", org.hamcrest.Matchers.notNullValue());
        as("Tech").get("/api/admin/vehicles/" + UUID.randomUUID() + "/profile").then().statusCode(404);
    }
}
