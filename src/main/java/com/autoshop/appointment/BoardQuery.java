package com.autoshop.appointment;

import com.autoshop.platform.data.Times;
import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The board: one column per status with its card count and money sum, cards ordered by day and position,
 * each card with the customer, vehicle label, services summary and technician initials. One statement.
 */
@ApplicationScoped
public class BoardQuery {

    /** A board card; the same shape goes out in live-board events. */
    static final String CARD = """
            json_build_object(
                'id', a.id, 'status', a.status, 'position', a.position, 'version', a.version,
                'startsAt', iso(a.starts_at), 'endsAt', iso(a.ends_at), 'title', a.title,
                'totalCents', a.total_cents, 'paidCents', a.paid_cents,
                'checkInAt', iso(a.check_in_at), 'checkOutAt', iso(a.check_out_at),
                'customerId', a.customer_id, 'customerName', c.name,
                'vehicleId', a.vehicle_id, 'vehicleLabel', vehicle_label(v), 'licensePlate', v.license_plate,
                'technicianId', a.technician_id, 'technicianInitials', t.initials,
                'serviceCount', coalesce(s.lines, 0), 'servicesSummary', s.summary)""";

    /** Cards of the appointments in the CTE {@code scope}; services are aggregated for the whole scope at once. */
    static final String CARD_SOURCES = """
            FROM scope
            JOIN appointments a ON a.id = scope.id
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id
            LEFT JOIN (
                SELECT l.appointment_id, count(*) AS lines, string_agg(l.name, ', ' ORDER BY l.created_at, l.id) AS summary
                FROM appointment_services l WHERE l.appointment_id IN (SELECT id FROM scope)
                GROUP BY l.appointment_id) s ON s.appointment_id = a.id
            """;

    static final String BOARD_SQL = """
            WITH scope AS (
                SELECT id FROM appointments
                WHERE deleted_at IS NULL AND starts_at >= $1 AND starts_at < $2 AND ($3::uuid IS NULL OR technician_id = $3)
            ), cards AS (
                SELECT a.status, a.position, a.starts_at, a.id, a.total_cents, """ + CARD + " AS card " + CARD_SOURCES + """
            )
            SELECT status, count(*), coalesce(sum(total_cents), 0),
                   json_agg(card ORDER BY (starts_at AT TIME ZONE $4)::date, position, starts_at, id)::text
            FROM cards GROUP BY status""";

    static final String CARDS_BY_ID_SQL = """
            WITH scope AS (
                SELECT id FROM appointments WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
            )
            SELECT a.id, """ + CARD + "::text " + CARD_SOURCES;

    static final String ON_PREMISES_SQL = """
            WITH scope AS (
                SELECT id FROM appointments WHERE deleted_at IS NULL AND check_in_at IS NOT NULL AND check_out_at IS NULL
            )
            SELECT\s""" + CARD + "::text " + CARD_SOURCES + "ORDER BY a.check_in_at, a.id";

    private final Pool pool;

    public BoardQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<String> board(Instant from, Instant to, UUID technicianId, String zone) {
        return pool.preparedQuery(BOARD_SQL)
                .execute(Tuple.of(Times.utc(from), Times.utc(to), technicianId, zone))
                .map(rows -> {
                    Map<AppointmentStatus, Row> byStatus = new EnumMap<>(AppointmentStatus.class);
                    rows.forEach(row -> byStatus.put(AppointmentStatus.valueOf(row.getString(0)), row));
                    StringBuilder columns = new StringBuilder("[");
                    for (AppointmentStatus status : AppointmentStatus.values()) {
                        Row row = byStatus.get(status);
                        if (columns.length() > 1) {
                            columns.append(',');
                        }
                        columns.append(JsonText.object()
                                .string("status", status.name())
                                .number("count", row == null ? 0 : row.getLong(1))
                                .number("totalCents", row == null ? 0 : row.getLong(2))
                                .raw("cards", row == null ? "[]" : row.getString(3))
                                .build());
                    }
                    return JsonText.object()
                            .string("from", from.toString())
                            .string("to", to.toString())
                            .raw("columns", columns.append(']').toString())
                            .build();
                });
    }

    /** Cards of live appointments by id (for live-board events): id to card JSON. */
    public Uni<Map<UUID, String>> cards(List<UUID> ids) {
        return pool.preparedQuery(CARDS_BY_ID_SQL).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, String> cards = new java.util.HashMap<>();
            rows.forEach(row -> cards.put(row.getUUID(0), row.getString(1)));
            return cards;
        });
    }

    /** Cars checked in and not yet checked out, longest-waiting first. */
    public Uni<String> onPremises() {
        return pool.preparedQuery(ON_PREMISES_SQL).execute().map(rows -> {
            List<String> cards = new java.util.ArrayList<>();
            rows.forEach(row -> cards.add(row.getString(0)));
            return JsonText.page(cards, null);
        });
    }
}
