package com.autoshop.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drawer and the profile write an appointment and its services, payments and messages in Java
 * ({@link AppointmentJson}, {@link AppointmentDetails}); the SQL functions appointment_json(),
 * line_item_json(), payment_json() and message_json() stay the definition of those shapes. Both must
 * give the same JSON for rows with every column set, with nulls, with text that needs escaping and with
 * timestamps in microseconds.
 */
@QuarkusTest
class AppointmentDetailsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    UUID customer;
    UUID appointment;

    @BeforeEach
    void appointmentWithEveryKindOfDetail() {
        customer = Fixtures.customer(Fixtures.unique("Details"));
        UUID vehicle = Fixtures.vehicle(customer);
        appointment = Fixtures.appointment(customer, vehicle, Instant.now().plus(1, ChronoUnit.DAYS), "SCHEDULED");
        Sql.update("UPDATE appointments SET notes = ?, total_cents = 12345 WHERE id = ?",
                "Front \"left\" tyre\nC:\\dir\tcafé ☕", appointment);
        Sql.update("""
                INSERT INTO appointment_services (id, appointment_id, name, notes, estimated_hours, price_cents, category, created_at)
                VALUES (gen_random_uuid(), ?, 'Brakes "front"', 'pads\\and discs', 1.50, 9000, 'brakes', now() - interval '1 hour'),
                       (gen_random_uuid(), ?, 'Inspection', NULL, NULL, 0, NULL, now() - interval '2 hours'),
                       (gen_random_uuid(), ?, 'Wipers', NULL, 0.00, 1234, 'misc', now())""",
                appointment, appointment, appointment);
        UUID paid = UUID.randomUUID();
        Sql.update("""
                INSERT INTO payments (id, appointment_id, amount_cents, method, note, created_by, created_at)
                VALUES (?, ?, 5000, 'card', 'deposit', 'staff:test', now() - interval '1 minute')""", paid, appointment);
        Sql.update("""
                INSERT INTO payments (id, appointment_id, amount_cents, method, note, voids_payment_id, created_by)
                VALUES (gen_random_uuid(), ?, -5000, 'card', NULL, ?, 'staff:test')""", appointment, paid);
        Sql.update("""
                INSERT INTO messages (id, appointment_id, channel, direction, body, status, recipient, failure_reason,
                                      attempts, next_attempt_at, provider_ref, sent_at, created_by, created_at)
                VALUES (gen_random_uuid(), ?, 'sms', 'out', 'Ready at 5 "today"', 'failed', '+15550001111',
                        'carrier\\rejected', 3, now() + interval '5 minutes', 'prov-1', now(), 'staff:test',
                        now() - interval '1 day'),
                       (gen_random_uuid(), ?, 'email', 'in', E'Thanks!\\nSee you', 'delivered', NULL, NULL, 0,
                        NULL, NULL, NULL, NULL, now())""", appointment, appointment);
    }

    @Test
    void theDrawerWritesWhatTheSqlShapesGive() throws Exception {
        JsonNode drawer = advisorGets("/api/appointments/" + appointment, null);
        JsonNode expected = sqlShapes();

        assertThat(drawer.get("appointment")).isEqualTo(expected.get("appointment"));
        assertThat(drawer.get("services")).isEqualTo(expected.get("services"));
        assertThat(drawer.get("payments")).isEqualTo(expected.get("payments"));
        assertThat(drawer.get("messages")).isEqualTo(expected.get("messages"));
        assertThat(drawer.at("/services/0/name").asText()).isEqualTo("Inspection");
        assertThat(drawer.at("/messages/0/channel").asText()).as("newest first").isEqualTo("email");
    }

    @Test
    void theProfileWritesWhatTheSqlShapesGive() throws Exception {
        JsonNode profile = advisorGets("/api/admin/customers/" + customer, "appointmentDetails");
        JsonNode expected = sqlShapes();

        JsonNode item = profile.at("/appointments/items/0");
        assertThat(item.get("services")).isEqualTo(expected.get("services"));
        assertThat(item.get("payments")).isEqualTo(expected.get("payments"));
        assertThat(item.get("messages")).isEqualTo(expected.get("messages"));
        ((ObjectNode) item).remove(List.of("services", "payments", "messages"));
        assertThat(item).isEqualTo(expected.get("appointment"));
    }

    @Test
    void withoutDetailsTheProfileListsTheAppointmentsAlone() throws Exception {
        JsonNode profile = advisorGets("/api/admin/customers/" + customer, "appointments");

        assertThat(profile.at("/appointments/items/0")).isEqualTo(sqlShapes().get("appointment"));
    }

    @Test
    void theHistoryWritesWhatTheSqlShapesGive() throws Exception {
        Sql.update("UPDATE appointments SET status = 'CANCELED' WHERE id = ?", appointment);
        JsonNode history = advisorGets("/api/customers/" + customer + "/history", null);

        JsonNode item = history.at("/items/0");
        assertThat(item.get("payments")).isEqualTo(sqlShapes().get("payments"));
        assertThat(item.get("vehicle")).isEqualTo(JSON.readTree((String) Sql.value("""
                SELECT json_build_object('id', v.id, 'label', vehicle_label(v), 'licensePlate', v.license_plate)::text
                FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id WHERE a.id = ?""", appointment)));
        ((ObjectNode) item).remove(List.of("vehicle", "payments"));
        assertThat(item).isEqualTo(sqlShapes().get("appointment"));
        assertThat(history.get("nextCursor").isNull()).isTrue();
    }

    static JsonNode advisorGets(String path, String include) throws Exception {
        var request = given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor")));
        if (include != null) {
            request.queryParam("include", include);
        }
        return JSON.readTree(request.get(path).then().statusCode(200).extract().asString());
    }

    private JsonNode sqlShapes() throws Exception {
        return JSON.readTree((String) Sql.value("""
                SELECT json_build_object(
                    'appointment', appointment_json(a),
                    'services', (SELECT coalesce(json_agg(line_item_json(s) ORDER BY s.created_at, s.id), '[]')
                                 FROM appointment_services s WHERE s.appointment_id = a.id),
                    'payments', (SELECT coalesce(json_agg(payment_json(p) ORDER BY p.created_at, p.id), '[]')
                                 FROM payments p WHERE p.appointment_id = a.id),
                    'messages', (SELECT coalesce(json_agg(message_json(m) ORDER BY m.created_at DESC, m.id DESC), '[]')
                                 FROM messages m WHERE m.appointment_id = a.id))::text
                FROM appointments a WHERE a.id = ?""", appointment));
    }
}
