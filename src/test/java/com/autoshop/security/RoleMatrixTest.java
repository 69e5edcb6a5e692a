package com.autoshop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.LiveBoardClient;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SPEC.md section 4, walked over every operation of the served OpenAPI document with every kind of
 * caller: no token, an expired one, one signed by another key, each staff role, and a customer (for its
 * own records and for someone else's). An operation missing from the table fails the test, so every
 * new endpoint must say who may call it.
 */
@QuarkusTest
class RoleMatrixTest {

    static final String OWNER = "Owner";
    static final String ADVISOR = "Advisor";
    static final String TECH = "Tech";
    static final String ACCOUNTANT = "Accountant";
    static final List<String> STAFF = List.of(OWNER, ADVISOR, TECH, ACCOUNTANT);

    /** Who may call an operation: staff roles, and whether a customer may (for its own records only). */
    record Rule(Set<String> roles, boolean customerMay, boolean tokenless, boolean signed) {

        Rule(Set<String> roles, boolean customerMay, boolean tokenless) {
            this(roles, customerMay, tokenless, false);
        }

        /** Authenticated by a signature of the body, not by a token: unsigned, everyone gets 401. */
        static Rule signatureOnly() {
            return new Rule(Set.of(), false, true, true);
        }

        static Rule staff(String... roles) {
            return new Rule(Set.of(roles), false, false);
        }

        static Rule customerOnly() {
            return new Rule(Set.of(), true, false);
        }

        static Rule anyone() {
            return new Rule(Set.copyOf(STAFF), true, false);
        }

        /** No token needed (logins, registration); a webhook authenticated by its signature is open too. */
        static Rule withoutToken() {
            return new Rule(Set.copyOf(STAFF), true, true);
        }
    }

    static final Map<String, Rule> MATRIX = new LinkedHashMap<>();

    static {
        Rule viewers = Rule.staff(OWNER, ADVISOR, TECH);
        Rule editors = Rule.staff(OWNER, ADVISOR);
        Rule readers = Rule.staff(OWNER, ADVISOR, TECH, ACCOUNTANT);
        Rule movers = Rule.staff(OWNER, ADVISOR, TECH);
        Rule owners = Rule.staff(OWNER);

        MATRIX.put("GET /api/admin/appointments", readers);
        MATRIX.put("POST /api/admin/appointments", editors);
        MATRIX.put("GET /api/admin/appointments/board", viewers);
        MATRIX.put("GET /api/admin/appointments/board/events", viewers);
        MATRIX.put("GET /api/admin/appointments/today", readers);
        MATRIX.put("DELETE /api/admin/appointments/{id}", editors);
        MATRIX.put("PATCH /api/admin/appointments/{id}/move", movers);
        MATRIX.put("GET /api/admin/cars-on-premises", readers);
        MATRIX.put("GET /api/admin/customers", viewers);
        MATRIX.put("POST /api/admin/customers", editors);
        MATRIX.put("GET /api/admin/customers/{id}", viewers);
        MATRIX.put("PATCH /api/admin/customers/{id}", editors);
        MATRIX.put("DELETE /api/admin/customers/{id}", editors);
        MATRIX.put("GET /api/admin/technicians", readers);
        MATRIX.put("POST /api/admin/technicians", editors);
        MATRIX.put("PATCH /api/admin/technicians/{id}", editors);
        MATRIX.put("GET /api/admin/users", owners);
        MATRIX.put("POST /api/admin/users", owners);
        MATRIX.put("GET /api/admin/users/{id}", owners);
        MATRIX.put("PATCH /api/admin/users/{id}", owners);
        MATRIX.put("POST /api/admin/users/{id}/reset-password", owners);
        MATRIX.put("POST /api/admin/vehicles", editors);
        MATRIX.put("POST /api/admin/vehicles/ownership", viewers);
        MATRIX.put("GET /api/admin/vehicles/{id}", viewers);
        MATRIX.put("PATCH /api/admin/vehicles/{id}", editors);
        MATRIX.put("DELETE /api/admin/vehicles/{id}", editors);
        MATRIX.put("GET /api/admin/vehicles/{id}/profile", viewers);
        MATRIX.put("POST /api/admin/vehicles/{id}/transfer", editors);
        MATRIX.put("GET /api/appointments/{id}", readers);
        MATRIX.put("PATCH /api/appointments/{id}", editors);
        MATRIX.put("POST /api/appointments/{id}/check-in", movers);
        MATRIX.put("POST /api/appointments/{id}/check-out", movers);
        MATRIX.put("POST /api/appointments/{id}/start", movers);
        MATRIX.put("POST /api/appointments/{id}/ready", movers);
        MATRIX.put("POST /api/appointments/{id}/complete", editors);
        MATRIX.put("GET /api/appointments/{id}/services", readers);
        MATRIX.put("POST /api/appointments/{id}/services", editors);
        MATRIX.put("PATCH /api/appointments/{id}/services/{serviceId}", movers);
        MATRIX.put("DELETE /api/appointments/{id}/services/{serviceId}", editors);
        MATRIX.put("POST /api/auth/login", Rule.withoutToken());
        MATRIX.put("POST /api/customers/login", Rule.withoutToken());
        MATRIX.put("POST /api/customers/register", Rule.withoutToken());
        MATRIX.put("GET /api/customers/me", Rule.customerOnly());
        MATRIX.put("GET /api/customers/me/history", Rule.customerOnly());
        MATRIX.put("GET /api/customers/me/vehicles", Rule.customerOnly());
        MATRIX.put("GET /api/customers/{id}/history", new Rule(Set.of(OWNER, ADVISOR, TECH), true, false));
        MATRIX.put("GET /api/me", Rule.anyone());
        Rule cashiers = Rule.staff(OWNER, ADVISOR, ACCOUNTANT);
        MATRIX.put("GET /api/appointments/{id}/payments", readers);
        MATRIX.put("GET /api/appointments/{id}/payments/{paymentId}", readers);
        MATRIX.put("POST /api/appointments/{id}/payments", cashiers);
        MATRIX.put("POST /api/appointments/{id}/payments/{paymentId}/void", Rule.staff(OWNER, ACCOUNTANT));
        MATRIX.put("GET /api/appointments/{id}/messages", viewers);
        MATRIX.put("GET /api/appointments/{id}/messages/{messageId}", viewers);
        MATRIX.put("POST /api/appointments/{id}/messages", editors);
        MATRIX.put("PATCH /api/appointments/{id}/messages/{messageId}", Rule.signatureOnly());
        MATRIX.put("GET /api/admin/dashboard/stats", readers);
        MATRIX.put("GET /api/admin/reports/appointments.csv", cashiers);
        MATRIX.put("GET /api/admin/reports/payments.csv", cashiers);
    }

    @TestHTTPResource("/")
    URI root;

    /** The records one call acts on, fresh for every call so that a delete by one caller does not hide the next. */
    record Scene(UUID customer, UUID vehicle, UUID appointment, UUID service, UUID technician, UUID user, UUID payment,
            UUID message) {

        static Scene create() {
            UUID customer = Fixtures.customer(Fixtures.unique("Matrix"));
            UUID vehicle = Fixtures.vehicle(customer);
            UUID appointment = Fixtures.appointment(customer, vehicle,
                    Instant.now().plus(10 + Math.abs(System.nanoTime() % 10000), ChronoUnit.DAYS), "SCHEDULED");
            UUID service = UUID.randomUUID();
            Sql.update("INSERT INTO appointment_services (id, appointment_id, name, price_cents) VALUES (?, ?, 'Check', 10000)",
                    service, appointment);
            Sql.update("UPDATE appointments SET total_cents = 10000, paid_cents = 100 WHERE id = ?", appointment);
            UUID payment = UUID.randomUUID();
            Sql.update("INSERT INTO payments (id, appointment_id, amount_cents, method, created_by) VALUES (?, ?, 100, 'cash', 'test')",
                    payment, appointment);
            UUID message = UUID.randomUUID();
            Sql.update("""
                    INSERT INTO messages (id, appointment_id, channel, direction, body, status)
                    VALUES (?, ?, 'sms', 'out', 'Hello', 'sending')""", message, appointment);
            UUID technician = Fixtures.technician();
            UUID user = UUID.randomUUID();
            Sql.update("""
                    INSERT INTO users (id, email, name, role, password_hash)
                    VALUES (?, ?, 'Matrix User', 'Advisor', '$2a$04$abcdefghijklmnopqrstuuN4yYc8xR1h2q2w8uR0a8y3gD8k5Yb2')""",
                    user, Fixtures.unique("matrix").toLowerCase() + "@test.local");
            return new Scene(customer, vehicle, appointment, service, technician, user, payment, message);
        }

        String path(String template) {
            String id = template.startsWith("/api/admin/customers") || template.startsWith("/api/customers") ? customer.toString()
                    : template.startsWith("/api/admin/vehicles") ? vehicle.toString()
                    : template.startsWith("/api/admin/technicians") ? technician.toString()
                    : template.startsWith("/api/admin/users") ? user.toString()
                    : appointment.toString();
            return template.replace("{id}", id).replace("{serviceId}", service.toString())
                    .replace("{paymentId}", payment.toString()).replace("{messageId}", message.toString());
        }
    }

    record Caller(String name, String token, boolean customer, boolean ownRecords) {
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleMatrixSays() throws Exception {
        Set<String> operations = operations();
        assertThat(new TreeSet<>(MATRIX.keySet())).as("operations in the table but not served")
                .isSubsetOf(operations);
        assertThat(new TreeSet<>(operations)).as("served operations missing from the role table")
                .isSubsetOf(MATRIX.keySet());

        List<String> failures = new ArrayList<>();
        for (String operation : operations) {
            Rule rule = MATRIX.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            for (Caller caller : callers(template)) {
                Scene scene = Scene.create();
                String token = caller.customer() ? customerToken(caller, scene) : caller.token();
                int status = call(method, scene.path(template), token);
                String expectation = expected(rule, caller, template);
                if (!matches(expectation, status)) {
                    failures.add(operation + " as " + caller.name() + ": " + status + ", expected " + expectation);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    static List<Caller> callers(String template) {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("no token", null, false, false));
        callers.add(new Caller("an expired token", Tokens.expired(OWNER), false, false));
        callers.add(new Caller("a token signed by another key", foreignToken(), false, false));
        for (String role : STAFF) {
            callers.add(new Caller(role, Tokens.staff(role), false, false));
        }
        callers.add(new Caller("the customer", null, true, true));
        callers.add(new Caller("another customer", null, true, false));
        return callers;
    }

    static String customerToken(Caller caller, Scene scene) {
        return Tokens.customer(caller.ownRecords() ? scene.customer() : Fixtures.customer(Fixtures.unique("Other")));
    }

    /** "allowed" (neither 401, 403 nor 404), "401", "403" or "404". */
    static String expected(Rule rule, Caller caller, String template) {
        boolean anonymous = !caller.customer() && !STAFF.contains(caller.name());
        if (rule.signed()) {
            return "401";
        }
        if (rule.tokenless()) {
            return "not 401/403";
        }
        if (anonymous) {
            return "401";
        }
        if (caller.customer()) {
            boolean ownPath = template.contains("/me") || caller.ownRecords();
            return rule.customerMay() && ownPath ? "allowed" : "404";
        }
        return rule.roles().contains(caller.name()) ? "allowed" : "403";
    }

    static boolean matches(String expectation, int status) {
        return switch (expectation) {
            case "allowed" -> status != 401 && status != 403 && status != 404 && status < 500;
            case "not 401/403" -> status != 401 && status != 403 && status < 500;
            default -> status == Integer.parseInt(expectation);
        };
    }

    int call(String method, String path, String token) throws Exception {
        if (path.endsWith("/board/events")) {
            return LiveBoardClient.status(root.resolve(path), token);
        }
        var request = given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        return request.request(method, path).statusCode();
    }

    Set<String> operations() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "patch", "delete").contains(method) && path.getKey().startsWith("/api/")) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    static String foreignToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("https://autoshop.example/auth").audience("autoshop-api")
                    .subject(Tokens.staffUser(OWNER).toString()).groups(Set.of(OWNER))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
