package com.autoshop.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Accounts;
import com.autoshop.support.Fixtures;
import com.autoshop.support.RateWindows;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff accounts managed by Owners: create, list, read, merge-patch, reset password; audited, Owner only. */
@QuarkusTest
class UserAdminTest {

    static final String PASSWORD = Accounts.PASSWORD;

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.staff(role)));
    }

    static Response create(String role, String name) {
        return Accounts.createStaff(role, name);
    }

    static Response login(String email, String password) {
        return Accounts.staffLogin(email, password);
    }

    @Test
    void ownerCreatesAUserWhoCanLogIn() {
        Response created = create("Advisor", "Ada Advisor");
        created.then().statusCode(201).header("Location", endsWith("/api/admin/users/" + created.path("id")))
                .header("ETag", "\"0\"").body("role", equalTo("Advisor")).body("active", equalTo(true))
                .body("version", equalTo(0)).body("passwordHash", nullValue()).body("password", nullValue());
        String email = created.path("email");
        String token = login(email, PASSWORD).then().statusCode(200).body("user.role", equalTo("Advisor"))
                .extract().path("accessToken");
        given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(200)
                .body("id", equalTo(created.path("id"))).body("email", equalTo(email))
                .body("name", equalTo("Ada Advisor")).body("role", equalTo("Advisor"));
        assertThat(Sql.value("SELECT password_hash FROM users WHERE email = ?", email).toString()).startsWith("$2");
        var audit = Sql.rows("SELECT actor, action, after::text AS after FROM audit_entries WHERE entity = 'user' AND entity_id = ?",
                UUID.fromString(created.path("id")));
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("staff:" + Tokens.staffUser("Owner"));
            assertThat(row.get("action")).isEqualTo("create");
            assertThat(row.get("after").toString()).contains(email).doesNotContain("$2", PASSWORD);
        });
    }

    @Test
    void createRefusesDuplicatesWeakPasswordsAndBadInput() {
        String email = create("Tech", "Tom Tech").path("email");
        as("Owner").contentType(ContentType.JSON)
                .body(Map.of("email", " " + email.toUpperCase() + " ", "name", "Twin", "role", "Tech", "password", PASSWORD))
                .post("/api/admin/users").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CONFLICT"));
        as("Owner").contentType(ContentType.JSON)
                .body(Map.of("email", "weak@shop.test", "name", "Weak", "role", "Tech", "password", "password123"))
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        as("Owner").contentType(ContentType.JSON)
                .body(Map.of("email", "role@shop.test", "name", "Role", "role", "Customer", "password", PASSWORD))
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("role"));
        as("Owner").contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "name", "", "role", "Tech", "password", PASSWORD))
                .post("/api/admin/users").then().statusCode(400).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("name"));
        as("Owner").contentType(ContentType.JSON).body("{\"email\": 5}").post("/api/admin/users").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void listIsKeysetPagedByName() {
        String prefix = "Zz list " + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (String suffix : new String[] { "c", "a", "b" }) {
            ids.add(create("Tech", prefix + " " + suffix).path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as("Owner").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/admin/users");
            page.then().statusCode(200).body("items[0].passwordHash", nullValue());
            List<Map<String, Object>> items = page.path("items");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            items.stream().filter(i -> i.get("name").toString().startsWith(prefix))
                    .forEach(i -> seen.add(i.get("name").toString()));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 500);
        assertThat(seen).containsExactly(prefix + " a", prefix + " b", prefix + " c");
        as("Owner").queryParam("limit", 0).get("/api/admin/users").then().statusCode(400);
        as("Owner").queryParam("cursor", "nonsense!").get("/api/admin/users").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void getAnswersWithAnETagAnd304() {
        String id = create("Accountant", "Acc Ount").path("id");
        Response got = as("Owner").get("/api/admin/users/" + id);
        got.then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Acc Ount"));
        as("Owner").header("If-None-Match", "\"0\"").get("/api/admin/users/" + id).then().statusCode(304);
        as("Owner").get("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("RESOURCE_NOT_FOUND"));
        as("Owner").get("/api/admin/users/not-a-uuid").then().statusCode(400);
    }

    @Test
    void patchMergesHonoursIfMatchAndIsAudited() {
        String id = create("Tech", "Pat Tech").path("id");
        as("Owner").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("name", "Pat Advisor", "role", "Advisor")).patch("/api/admin/users/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Pat Advisor"))
                .body("role", equalTo("Advisor")).body("active", equalTo(true)).body("version", equalTo(1));
        as("Owner").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "Stale"))
                .patch("/api/admin/users/" + id).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        as("Owner").contentType(ContentType.JSON).body(Map.of("email", "x@y.z")).patch("/api/admin/users/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        as("Owner").contentType(ContentType.JSON).body("{\"role\": \"Janitor\"}").patch("/api/admin/users/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        as("Owner").contentType(ContentType.JSON).body("{\"active\": null}").patch("/api/admin/users/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("active"));
        as("Owner").contentType(ContentType.JSON).body(Map.of("name", "Nobody"))
                .patch("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404);
        var audit = Sql.rows("""
                SELECT before->>'role' AS before, after->>'role' AS after FROM audit_entries
                WHERE entity = 'user' AND entity_id = ? AND action = 'update'""", UUID.fromString(id));
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.get("before")).isEqualTo("Tech");
            assertThat(row.get("after")).isEqualTo("Advisor");
        });
    }

    @Test
    void anOwnerCannotDemoteOrDeactivateThemself() {
        UUID self = Tokens.staffUser("Owner");
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("active", false), Map.of("role", "Advisor"))) {
            as("Owner").contentType(ContentType.JSON).body(patch).patch("/api/admin/users/" + self).then()
                    .statusCode(409).body("code", equalTo("CONFLICT"))
                    .body("detail", equalTo("You cannot demote or deactivate your own account; another Owner can"));
        }
        as("Owner").contentType(ContentType.JSON).body(Map.of("name", "Owner Tester")).patch("/api/admin/users/" + self)
                .then().statusCode(200);
        // another Owner can demote this one
        String other = create("Owner", "Second Owner").path("id");
        as("Owner").contentType(ContentType.JSON).body(Map.of("role", "Advisor")).patch("/api/admin/users/" + other)
                .then().statusCode(200).body("role", equalTo("Advisor"));
    }

    @Test
    void deactivationAndRoleChangeEndTheAccountsTokensAtOnce() {
        Response created = create("Advisor", "Dee Activated");
        String id = created.path("id");
        String email = created.path("email");
        String token = login(email, PASSWORD).path("accessToken");
        given().header("Authorization", Tokens.bearer(token)).get("/api/admin/customers").then().statusCode(200);

        as("Owner").contentType(ContentType.JSON).body(Map.of("active", false)).patch("/api/admin/users/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        given().header("Authorization", Tokens.bearer(token)).get("/api/admin/customers").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("AUTH_REQUIRED"));
        login(email, PASSWORD).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));

        as("Owner").contentType(ContentType.JSON).body(Map.of("active", true, "role", "Tech"))
                .patch("/api/admin/users/" + id).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(401);
        String tech = login(email, PASSWORD).then().statusCode(200).body("user.role", equalTo("Tech"))
                .extract().path("accessToken");
        given().header("Authorization", Tokens.bearer(tech)).get("/api/me").then().statusCode(200)
                .body("role", equalTo("Tech"));
    }

    @Test
    void resetPasswordSetsANewOneAndClearsTheAccountsFailedLogins() {
        Response created = create("Accountant", "Reese Set");
        String id = created.path("id");
        String email = created.path("email");
        RateWindows.awayFromTheEnd(RateWindows.login());
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-guess-" + i).then().statusCode(401);
        }
        login(email, PASSWORD).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));

        as("Owner").contentType(ContentType.JSON).body(Map.of("password", "short")).post("/api/admin/users/" + id
                + "/reset-password").then().statusCode(400).body("errors[0].field", equalTo("password"));
        as("Owner").contentType(ContentType.JSON).body(Map.of("password", "New-secret-2026"))
                .post("/api/admin/users/" + id + "/reset-password").then().statusCode(204);
        login(email, PASSWORD).then().statusCode(401);
        login(email, "New-secret-2026").then().statusCode(200).body("accessToken", notNullValue());
        as("Owner").contentType(ContentType.JSON).body(Map.of("password", "New-secret-2026"))
                .post("/api/admin/users/" + UUID.randomUUID() + "/reset-password").then().statusCode(404);
        var audit = Sql.rows("""
                SELECT before::text || after::text AS docs FROM audit_entries
                WHERE entity = 'user' AND entity_id = ? AND action = 'reset-password'""", UUID.fromString(id));
        assertThat(audit).singleElement().satisfies(row ->
                assertThat(row.get("docs").toString()).doesNotContain("$2", "New-secret-2026", "passwordHash"));
    }

    @Test
    void onlyOwnersManageUsers() {
        String id = create("Tech", "Role Probe").path("id");
        String newUser = "{\"email\": \"probe@shop.test\", \"name\": \"P\", \"role\": \"Tech\", \"password\": \"" + PASSWORD + "\"}";
        for (String role : new String[] { "Advisor", "Tech", "Accountant" }) {
            as(role).get("/api/admin/users").then().statusCode(403).body("code", equalTo("RBAC_FORBIDDEN"));
            as(role).get("/api/admin/users/" + id).then().statusCode(403);
            as(role).contentType(ContentType.JSON).body(newUser).post("/api/admin/users").then().statusCode(403);
            as(role).contentType(ContentType.JSON).body("{\"name\": \"X\"}").patch("/api/admin/users/" + id).then()
                    .statusCode(403);
            as(role).contentType(ContentType.JSON).body("{\"password\": \"" + PASSWORD + "\"}")
                    .post("/api/admin/users/" + id + "/reset-password").then().statusCode(403);
        }
        String customer = Tokens.bearer(Tokens.customer(Fixtures.customer(Fixtures.unique("Nosy"))));
        given().header("Authorization", customer).get("/api/admin/users").then().statusCode(404)
                .body("code", equalTo("RESOURCE_NOT_FOUND"));
        given().header("Authorization", customer).contentType(ContentType.JSON).body("{\"name\": \"X\"}")
                .patch("/api/admin/users/" + id).then().statusCode(404);
        given().get("/api/admin/users").then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
        given().contentType(ContentType.JSON).body("{\"password\": \"" + PASSWORD + "\"}")
                .post("/api/admin/users/" + id + "/reset-password").then().statusCode(401);
        assertThat(Sql.count("SELECT count(*) FROM users WHERE email = 'probe@shop.test'")).isZero();
        as("Owner").get("/api/admin/users/" + id).then().statusCode(200).body("name", not(equalTo("X")));
    }
}
