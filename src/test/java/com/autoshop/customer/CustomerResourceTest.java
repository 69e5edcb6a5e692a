package com.autoshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role)));
    }

    static Response create(String body) {
        return as("Advisor").contentType(ContentType.JSON).body(body).post("/api/admin/customers");
    }

    @Test
    void createStoresNormalisedContactDataAndAnswersWithLocationAndETag() {
        String name = Fixtures.unique("Grace Hopper");
        Response created = create("""
                {"name": "  %s ", "email": " Grace@Example.COM ", "phone": "+1 (555) 010-2030",
                 "tags": ["fleet", "fleet"], "smsConsent": "granted"}""".formatted(name));

        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("email", equalTo("grace@example.com"))
                .body("phone", equalTo("+15550102030"))
                .body("tags", contains("fleet"))
                .body("smsConsent", equalTo("granted"))
                .body("isVip", equalTo(false))
                .body("version", equalTo(0))
                .body("createdAt", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/admin/customers/" + id);
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity = 'customer' AND entity_id = ?::uuid AND action = 'create'", id))
                .isEqualTo(1);
    }

    @Test
    void createRefusesInvalidFieldsAndStoresNothing() {
        String marker = Fixtures.unique("nobody");
        create("""
                {"name": "", "email": "not-an-email-%s", "phone": "call me", "smsConsent": "maybe"}""".formatted(marker))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("smsConsent"));
        create("""
                {"name": "", "email": "not-an-email-%s", "phone": "call me"}""".formatted(marker))
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "name", "phone"))
                .body("requestId", notNullValue());
        assertThat(Sql.count("SELECT count(*) FROM customers WHERE email LIKE ?", "%" + marker + "%")).isZero();
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        create("{\"name\": ").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", containsString("JSON"));
        create("{\"name\": \"X\", \"tags\": \"not-a-list\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("tags"));
        create("{\"name\": \"X\", \"nmae\": \"typo\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("nmae"));
    }

    @Test
    void getAnswersTheResourceWithItsVersionAsETagAnd304WhenUnchanged() {
        String id = create("{\"name\": \"" + Fixtures.unique("Etag") + "\"}").path("id");
        as("Tech").get("/api/admin/customers/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id));
        as("Tech").header("If-None-Match", "\"0\"").get("/api/admin/customers/" + id).then().statusCode(304);
        as("Tech").header("If-None-Match", "\"7\"").get("/api/admin/customers/" + id).then().statusCode(200);
    }

    @Test
    void unknownOrMalformedIdsAre404And400() {
        as("Advisor").get("/api/admin/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("RESOURCE_NOT_FOUND"));
        as("Advisor").get("/api/admin/customers/not-a-uuid").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("id"));
    }

    @Test
    void patchMergesFieldsUnderIfMatchAndBumpsTheVersion() {
        String id = create("""
                {"name": "%s", "email": "a@example.com", "address": "1 Main St"}""".formatted(Fixtures.unique("Patch"))).path("id");

        as("Advisor").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"address\": null, \"phone\": \"555-0100\"}")
                .patch("/api/admin/customers/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("address", nullValue())
                .body("phone", equalTo("5550100"))
                .body("email", equalTo("a@example.com"))
                .body("version", equalTo(1));

        as("Advisor").contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"notes\": \"late\"}")
                .patch("/api/admin/customers/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(Sql.value("SELECT notes FROM customers WHERE id = ?::uuid", id)).isNull();
        assertThat(Sql.count("SELECT count(*) FROM audit_entries WHERE entity_id = ?::uuid AND action = 'update'", id))
                .isEqualTo(1);
    }

    @Test
    void patchRefusesInvalidValuesAndUnknownFieldsWithoutChangingAnything() {
        String id = create("{\"name\": \"" + Fixtures.unique("Strict") + "\", \"email\": \"s@example.com\"}").path("id");
        as("Advisor").contentType(ContentType.JSON).body("{\"email\": \"broken\"}").patch("/api/admin/customers/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        as("Advisor").contentType(ContentType.JSON).body("{\"id\": \"" + UUID.randomUUID() + "\"}")
                .patch("/api/admin/customers/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("Advisor").contentType(ContentType.JSON).body("{\"name\": null}").patch("/api/admin/customers/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        assertThat(Sql.rows("SELECT email, version FROM customers WHERE id = ?::uuid", id).get(0))
                .containsEntry("email", "s@example.com").containsEntry("version", 0L);
    }

    @Test
    void deleteIsSoftReleasesVehiclesAndIsRefusedWhileAppointmentsAreOpen() {
        String id = create("{\"name\": \"" + Fixtures.unique("Gone") + "\"}").path("id");
        UUID customer = UUID.fromString(id);
        UUID vehicle = Fixtures.vehicle(customer);
        UUID open = Fixtures.appointment(customer, vehicle, Instant.now().plus(3, ChronoUnit.DAYS), "SCHEDULED");

        as("Advisor").delete("/api/admin/customers/" + id).then().statusCode(409).body("code", equalTo("CONFLICT"));

        Sql.update("UPDATE appointments SET status = 'CANCELED' WHERE id = ?", open);
        as("Advisor").delete("/api/admin/customers/" + id).then().statusCode(204);
        as("Advisor").get("/api/admin/customers/" + id).then().statusCode(404);
        assertThat(Sql.value("SELECT deleted_at FROM customers WHERE id = ?", customer)).isNotNull();
        assertThat(Sql.value("SELECT deleted_at FROM vehicles WHERE id = ?", vehicle)).isNotNull();
    }

    @Test
    void searchFindsByNameEmailPhoneAndPlateAndPagesWithACursor() {
        String token = Fixtures.unique("Zyx").toLowerCase();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create("""
                    {"name": "%s %d", "email": "%s.%d@example.com", "phone": "+4477009%05d"}"""
                    .formatted(token, i, token, i, Math.abs(token.hashCode() % 90000) + i)).path("id"));
        }
        Response first = as("Tech").queryParam("q", token).queryParam("limit", 2).get("/api/admin/customers");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue());
        as("Tech").queryParam("q", token).queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString())
                .get("/api/admin/customers")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(ids.get(2)))
                .body("nextCursor", nullValue());

        as("Tech").queryParam("q", token + ".1@example").get("/api/admin/customers")
                .then().body("items.id", contains(ids.get(1)));
        String phone = Sql.value("SELECT phone FROM customers WHERE id = ?::uuid", ids.get(2)).toString();
        as("Tech").queryParam("q", phone.substring(3, 6) + "-" + phone.substring(6)).get("/api/admin/customers")
                .then().body("items.id", hasItem(ids.get(2)));

        UUID vehicle = Fixtures.vehicle(UUID.fromString(ids.get(0)));
        String plate = Sql.value("SELECT license_plate FROM vehicles WHERE id = ?", vehicle).toString();
        as("Tech").queryParam("q", plate.toLowerCase()).get("/api/admin/customers")
                .then().body("items.id", contains(ids.get(0)));
    }

    @Test
    void searchResultsAreInNameOrderWhateverTheCaseAndFollowARename() {
        String token = Fixtures.unique("Ord").toLowerCase();
        String b = create("{\"name\": \"" + token + " b\"}").path("id");
        String a = create("{\"name\": \"" + token.toUpperCase() + " A\"}").path("id");
        String c = create("{\"name\": \"" + token + " c\"}").path("id");
        as("Tech").queryParam("q", token).get("/api/admin/customers")
                .then().statusCode(200).body("items.id", contains(a, b, c));

        as("Advisor").contentType("application/merge-patch+json").body("{\"name\": \"" + token + " 0\"}")
                .patch("/api/admin/customers/" + c).then().statusCode(200);
        as("Tech").queryParam("q", token).get("/api/admin/customers")
                .then().statusCode(200).body("items.id", contains(c, a, b));
        as("Tech").queryParam("q", token.substring(0, 2)).queryParam("limit", 200).get("/api/admin/customers")
                .then().statusCode(200).body("items.id", hasItem(c));
    }

    /** A plate search names each live owner once, however many of their vehicles match, and no deleted owner. */
    @Test
    void aPlateSearchNamesEachLiveOwnerOnce() {
        String nanos = Long.toString(System.nanoTime(), 36);
        String fragment = "qz" + nanos.substring(nanos.length() - 6);
        UUID twoMatching = Fixtures.customer(Fixtures.unique("Plates"));
        UUID deleted = Fixtures.customer(Fixtures.unique("Gone"));
        List<UUID> owners = List.of(twoMatching, twoMatching, deleted);
        for (int i = 0; i < owners.size(); i++) {
            Sql.update("UPDATE vehicles SET license_plate = ? WHERE id = ?", (fragment + i).toUpperCase(),
                    Fixtures.vehicle(owners.get(i)));
        }
        Sql.update("UPDATE customers SET deleted_at = now() WHERE id = ?", deleted);

        as("Tech").queryParam("q", fragment).get("/api/admin/customers")
                .then().statusCode(200).body("items.id", contains(twoMatching.toString()));
    }

    @Test
    void shortSearchTermsArePrefixMatchesOnTheName() {
        String name = "Qj" + Fixtures.unique("short");
        String id = create("{\"name\": \"" + name + "\"}").path("id");
        as("Tech").queryParam("q", "qj").queryParam("limit", 200).get("/api/admin/customers")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void listParametersAreValidated() {
        as("Tech").queryParam("limit", 0).get("/api/admin/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("Tech").queryParam("limit", 201).get("/api/admin/customers").then().statusCode(400);
        as("Tech").queryParam("limit", "ten").get("/api/admin/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("Tech").queryParam("cursor", "garbage!").get("/api/admin/customers").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void rolesAreEnforced() {
        String body = "{\"name\": \"" + Fixtures.unique("Role") + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/admin/customers").then().statusCode(401)
                .body("code", equalTo("AUTH_REQUIRED"));
        as("Tech").contentType(ContentType.JSON).body(body).post("/api/admin/customers").then().statusCode(403)
                .body("code", equalTo("RBAC_FORBIDDEN"));
        as("Accountant").get("/api/admin/customers").then().statusCode(403);
        as("Owner").contentType(ContentType.JSON).body(body).post("/api/admin/customers").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.customer(UUID.randomUUID())))
                .get("/api/admin/customers").then().statusCode(404).body("code", equalTo("RESOURCE_NOT_FOUND"));
    }
}
