package com.autoshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.autoshop.support.Accounts;
import com.autoshop.support.Fixtures;
import com.autoshop.support.RateWindows;
import com.autoshop.support.Sql;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Customers' own accounts: sign-up, login, and the app's views of their own record, history and vehicles. */
@QuarkusTest
class CustomerAccountTest {

    static RequestSpecification withToken(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    @Test
    void registrationAlwaysCreatesANewCustomerAndLogsItIn() {
        String email = Accounts.uniqueEmail("casey");
        UUID existing = UUID.randomUUID();
        Sql.update("INSERT INTO customers (id, name, email, phone, notes) VALUES (?, 'Casey Old', ?, '5550100', 'x')",
                existing, email);
        Response registered = given().contentType(ContentType.JSON)
                .body(Map.of("name", " Casey New ", "email", email.toUpperCase(), "password", Accounts.PASSWORD,
                        "phone", "555-0100"))
                .post("/api/customers/register");
        registered.then().statusCode(201).header("Location", endsWith("/api/customers/me"))
                .body("accessToken", notNullValue()).body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(3600)).body("user.name", equalTo("Casey New"))
                .body("user.role", equalTo("Customer"));
        UUID id = UUID.fromString(registered.path("user.id"));
        assertThat(id).isNotEqualTo(existing);
        assertThat(Sql.count("SELECT count(*) FROM customers WHERE email = ?", email)).isEqualTo(2);
        assertThat(Sql.value("SELECT phone FROM customers WHERE id = ?", id)).isEqualTo("5550100");
        assertThat(Sql.value("SELECT password_hash FROM customer_accounts WHERE customer_id = ?", id).toString())
                .startsWith("$2");
        assertThat(Sql.rows("SELECT actor, action FROM audit_entries WHERE entity = 'customer' AND entity_id = ?", id))
                .singleElement().isEqualTo(Map.of("actor", "customer:" + id, "action", "register"));

        String token = registered.path("accessToken");
        withToken(token).get("/api/customers/me").then().statusCode(200).body("id", equalTo(id.toString()))
                .body("email", equalTo(email)).body("name", equalTo("Casey New")).body("$", not(hasKey("notes")))
                .body("$", not(hasKey("tags"))).body("$", not(hasKey("isVip")));
        withToken(token).get("/api/me").then().statusCode(200).body("id", equalTo(id.toString()))
                .body("email", equalTo(email)).body("name", equalTo("Casey New")).body("role", equalTo("Customer"));
    }

    /** Each sign-up costs a bcrypt hash: a client address gets REGISTRATIONS_PER_HOUR of them, then 429. */
    @Test
    void signUpsAreLimitedPerClientAddress() {
        int perHour = ConfigProvider.getConfig().getValue("autoshop.auth.registrations-per-hour", Integer.class);
        String address = Fixtures.address();
        RateWindows.awayFromTheEnd(Duration.ofHours(1));
        for (int i = 0; i < perHour; i++) {
            Accounts.registerCustomer(address, "Burst " + i, Accounts.uniqueEmail("burst")).then().statusCode(201);
        }
        String refused = Accounts.uniqueEmail("refused");
        Accounts.registerCustomer(address, "Refused", refused).then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", notNullValue());
        assertThat(Sql.count("SELECT count(*) FROM customers WHERE email = ?", refused)).as("nothing created").isZero();
        Accounts.registerCustomer(Fixtures.address(), "Refused", refused).then().statusCode(201);
    }

    @Test
    void registrationRefusesATakenEmailAndBadInput() {
        String email = Accounts.uniqueEmail("taken");
        Accounts.registerCustomer("First", email).then().statusCode(201);
        Accounts.registerCustomer("Second", " " + email.toUpperCase()).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONFLICT"));
        assertThat(Sql.count("SELECT count(*) FROM customers WHERE email = ?", email)).as("the second rolled back")
                .isOne();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Weak", "email", Accounts.uniqueEmail("weak"), "password", "qwertyuiop"))
                .post("/api/customers/register").then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "email", "nope", "password", Accounts.PASSWORD, "phone", "call me"))
                .post("/api/customers/register").then().statusCode(400).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("phone"));
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"email\": \"x@y.z\", \"password\": \""
                + Accounts.PASSWORD + "\", \"customerId\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/customers/register").then().statusCode(400).body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void loginAnswersLikeTheStaffLoginAndRefusesTheSameWayForEveryFailure() {
        String email = Accounts.uniqueEmail("login");
        String id = Accounts.registerCustomer("Lou Login", email).path("user.id");
        String token = Accounts.customerLogin(" " + email.toUpperCase() + " ", Accounts.PASSWORD).then()
                .statusCode(200).body("tokenType", equalTo("Bearer")).body("user.id", equalTo(id))
                .body("user.name", equalTo("Lou Login")).body("user.role", equalTo("Customer"))
                .extract().path("accessToken");
        withToken(token).get("/api/customers/me").then().statusCode(200);

        String deactivated = Accounts.uniqueEmail("off");
        String offId = Accounts.registerCustomer("Off", deactivated).path("user.id");
        Sql.update("UPDATE customer_accounts SET active = false WHERE customer_id = ?", UUID.fromString(offId));
        String deleted = Accounts.uniqueEmail("gone");
        String goneId = Accounts.registerCustomer("Gone", deleted).path("user.id");
        Sql.update("UPDATE customers SET deleted_at = now() WHERE id = ?", UUID.fromString(goneId));
        for (String[] attempt : new String[][] { { email, "Wrong-password-1" }, { "nobody@mail.test", Accounts.PASSWORD },
                { deactivated, Accounts.PASSWORD }, { deleted, Accounts.PASSWORD } }) {
            Accounts.customerLogin(attempt[0], attempt[1]).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"))
                    .body("detail", equalTo("Email or password is wrong"));
        }
        // a staff account is not a customer account
        Accounts.customerLogin("owner@test.local", "Test-owner-2026").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/customers/login").then()
                .statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void customerLoginsAreThrottledLikeStaffLogins() {
        String email = Accounts.uniqueEmail("throttled");
        Accounts.registerCustomer("Casey Customer", email).then().statusCode(201);
        RateWindows.awayFromTheEnd(RateWindows.login());
        for (int i = 0; i < 5; i++) {
            Accounts.customerLogin(email, "Wrong-guess-" + i).then().statusCode(401);
        }
        Accounts.customerLogin(email, Accounts.PASSWORD).then().statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", notNullValue());
        // the staff account with the same email is another account
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = ?", "login:staff:" + email)).isZero();
    }

    @Test
    void historyAndVehiclesAreTheCustomersOwn() {
        UUID customer = Fixtures.customer(Fixtures.unique("Own"));
        UUID vehicle = Fixtures.vehicle(customer);
        UUID sold = Fixtures.vehicle(customer);
        Sql.update("UPDATE vehicles SET deleted_at = now(), vin = NULL, license_plate = NULL WHERE id = ?", sold);
        Fixtures.history(customer, vehicle, 3);
        Fixtures.appointment(customer, vehicle, Instant.now().plus(400, ChronoUnit.DAYS), "SCHEDULED");
        UUID stranger = Fixtures.customer(Fixtures.unique("Stranger"));
        Fixtures.vehicle(stranger);
        String token = Tokens.customer(customer);

        Response history = withToken(token).queryParam("limit", 2).get("/api/customers/me/history");
        history.then().statusCode(200).body("items.size()", equalTo(2)).body("items[0].status", equalTo("COMPLETED"))
                .body("items[0].payments.size()", equalTo(1)).body("nextCursor", notNullValue());
        String same = withToken(token).queryParam("limit", 2).get("/api/customers/" + customer + "/history").asString();
        assertThat(history.asString()).isEqualTo(same);
        withToken(token).queryParam("limit", 2).queryParam("cursor", history.path("nextCursor").toString())
                .get("/api/customers/me/history").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextCursor", equalTo(null));
        withToken(token).header("If-None-Match", history.header("ETag")).queryParam("limit", 2)
                .get("/api/customers/me/history").then().statusCode(304);
        withToken(token).queryParam("limit", 500).get("/api/customers/me/history").then().statusCode(400);

        Response vehicles = withToken(token).get("/api/customers/me/vehicles");
        vehicles.then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(vehicle.toString()))
                .body("nextCursor", equalTo(null));
        assertThat(Statements.of(vehicles)).isEqualTo(1);
        withToken(token).header("If-None-Match", vehicles.header("ETag")).get("/api/customers/me/vehicles").then()
                .statusCode(304);

        Response me = withToken(token).get("/api/customers/me");
        me.then().statusCode(200).body("id", equalTo(customer.toString())).header("ETag", "\"0\"");
        withToken(token).header("If-None-Match", "\"0\"").get("/api/customers/me").then().statusCode(304);
    }

    @Test
    void aCustomerTokenReachesOnlyItsOwnResources() {
        UUID customer = Fixtures.customer(Fixtures.unique("Scoped"));
        UUID other = Fixtures.customer(Fixtures.unique("Other"));
        String token = Tokens.customer(customer);
        withToken(token).get("/api/customers/" + customer + "/history").then().statusCode(200);
        for (String path : new String[] { "/api/customers/" + other + "/history", "/api/admin/customers",
                "/api/admin/customers/" + customer, "/api/admin/users", "/api/admin/appointments" }) {
            withToken(token).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("RESOURCE_NOT_FOUND"));
        }
        for (String role : new String[] { "Owner", "Advisor", "Tech", "Accountant" }) {
            for (String path : new String[] { "/api/customers/me", "/api/customers/me/history", "/api/customers/me/vehicles" }) {
                withToken(Tokens.staff(role)).get(path).then().statusCode(403).body("code", equalTo("RBAC_FORBIDDEN"));
            }
        }
        for (String path : new String[] { "/api/customers/me", "/api/customers/me/history", "/api/customers/me/vehicles" }) {
            given().get(path).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
        }
    }
}
