package com.autoshop.customer;

import com.autoshop.platform.data.Conditions;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.json.JsonSetup;
import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The customer profile, the audit's worst endpoint (61 queries for 20 appointments), in one statement
 * whatever the number of appointments: one page of appointments is picked first, then services,
 * payments and messages are aggregated for that page with set operations (hash joins, no per-row
 * subplans), and PostgreSQL renders the JSON. The aggregates are MATERIALIZED: a generic plan expects a
 * one-row page and joins them in a nested loop, which re-ran each aggregate once per appointment
 * (41 ms instead of 7 for a 489-appointment fleet).
 */
@ApplicationScoped
public class CustomerProfileQuery {

    /** Messages shown per appointment, newest first (as many as the drawer shows). */
    static final int MESSAGES_PER_APPOINTMENT = 20;
    static final int OVERDUE_AFTER_DAYS = 180;

    /** $1 customer, $2 page size, $3 with details, $4 messages per appointment; filters follow from $5. */
    static final String HEAD = """
            WITH customer AS (
                SELECT customer_json(c) AS doc, c.is_vip FROM customers c WHERE c.id = $1 AND c.deleted_at IS NULL
            ), history AS (
                SELECT a.vehicle_id, a.status, a.starts_at, a.paid_cents
                FROM appointments a
                WHERE a.customer_id = $1 AND a.deleted_at IS NULL
            ), per_vehicle AS (
                SELECT vehicle_id,
                       count(*) FILTER (WHERE status = 'COMPLETED') AS visits,
                       max(starts_at) FILTER (WHERE status = 'COMPLETED') AS last_visit,
                       sum(paid_cents) AS spent
                FROM history GROUP BY vehicle_id
            ), candidates AS (
                SELECT a.id, a.starts_at, appointment_json(a) AS doc
                FROM appointments a
                WHERE a.customer_id = $1 AND a.deleted_at IS NULL""";

    static final String BY_VEHICLE = "a.vehicle_id = ?";
    static final String FROM = "a.starts_at >= ?";
    static final String TO = "a.starts_at < ?";
    static final String BEFORE = "(a.starts_at, a.id) < (?, ?)";

    static final String TAIL = """

                ORDER BY a.starts_at DESC, a.id DESC
                LIMIT $2 + 1
            ), page AS (
                SELECT * FROM candidates ORDER BY starts_at DESC, id DESC LIMIT $2
            ), services AS MATERIALIZED (
                SELECT s.appointment_id, json_agg(line_item_json(s) ORDER BY s.created_at, s.id) AS items
                FROM appointment_services s
                WHERE $3 AND s.appointment_id IN (SELECT id FROM page)
                GROUP BY s.appointment_id
            ), pays AS MATERIALIZED (
                SELECT p.appointment_id, json_agg(payment_json(p) ORDER BY p.created_at, p.id) AS items
                FROM payments p
                WHERE $3 AND p.appointment_id IN (SELECT id FROM page)
                GROUP BY p.appointment_id
            ), recent_messages AS (
                SELECT m.appointment_id, m.created_at, m.id, message_json(m) AS doc,
                       row_number() OVER (PARTITION BY m.appointment_id ORDER BY m.created_at DESC, m.id DESC) AS n
                FROM messages m
                WHERE $3 AND m.appointment_id IN (SELECT id FROM page)
            ), msgs AS MATERIALIZED (
                SELECT appointment_id, json_agg(doc ORDER BY created_at DESC, id DESC) AS items
                FROM recent_messages WHERE n <= $4
                GROUP BY appointment_id
            ), last_of_page AS (
                SELECT starts_at, id FROM page ORDER BY starts_at, id LIMIT 1
            )
            SELECT customer.doc::text,
                   (SELECT coalesce(json_agg(json_extend(vehicle_json(v), json_build_object(
                               'visits', coalesce(pv.visits, 0),
                               'lastVisitAt', iso(pv.last_visit),
                               'totalSpentCents', coalesce(pv.spent, 0)))
                           ORDER BY v.is_primary DESC, v.created_at, v.id), '[]')::text
                    FROM vehicles v LEFT JOIN per_vehicle pv ON pv.vehicle_id = v.id
                    WHERE v.customer_id = $1 AND v.deleted_at IS NULL),
                   (SELECT coalesce(json_agg(CASE WHEN $3
                               THEN json_extend(p.doc, json_build_object(
                                   'services', coalesce(s.items, '[]'),
                                   'payments', coalesce(y.items, '[]'),
                                   'messages', coalesce(m.items, '[]')))
                               ELSE p.doc END
                           ORDER BY p.starts_at DESC, p.id DESC), '[]')::text
                    FROM page p
                    LEFT JOIN services s ON s.appointment_id = p.id
                    LEFT JOIN pays y ON y.appointment_id = p.id
                    LEFT JOIN msgs m ON m.appointment_id = p.id),
                   (SELECT count(*) FROM candidates) > $2,
                   (SELECT starts_at FROM last_of_page),
                   (SELECT id FROM last_of_page),
                   (SELECT coalesce(sum(paid_cents), 0) FROM history),
                   (SELECT count(*) FILTER (WHERE status = 'COMPLETED') FROM history),
                   (SELECT max(starts_at) FILTER (WHERE status = 'COMPLETED') FROM history),
                   customer.is_vip
            FROM customer""";

    /** The statement for one combination of filters (tests read plans from it). */
    static String sql(Conditions filters) {
        return HEAD + filters.sql() + TAIL;
    }

    private final Pool pool;

    public CustomerProfileQuery(Pool pool) {
        this.pool = pool;
    }

    /** Which appointments the profile shows, and whether each carries its services, payments and messages. */
    public record Filter(UUID vehicleId, Instant from, Instant to, int limit, String cursor, boolean details) {
    }

    /** The profile as JSON text, or null when there is no such live customer. */
    public Uni<String> load(UUID customerId, Filter filter, LocalDate today, ZoneId zone) {
        List<String> after = Cursor.decode(filter.cursor(), 2);
        Conditions where = new Conditions(Tuple.of(customerId, filter.limit(), filter.details(), MESSAGES_PER_APPOINTMENT));
        if (filter.vehicleId() != null) {
            where.and(BY_VEHICLE, filter.vehicleId());
        }
        if (filter.from() != null) {
            where.and(FROM, Times.utc(filter.from()));
        }
        if (filter.to() != null) {
            where.and(TO, Times.utc(filter.to()));
        }
        if (!after.isEmpty()) {
            where.and(BEFORE, Times.utc(Cursor.instant(after.get(0))), Cursor.uuid(after.get(1)));
        }
        return pool.preparedQuery(sql(where)).execute(where.params()).map(rows -> render(rows, today, zone));
    }

    private static String render(RowSet<Row> rows, LocalDate today, ZoneId zone) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        String nextCursor = row.getBoolean(3)
                ? Cursor.encode(Times.instant(row.getOffsetDateTime(4)).toString(), row.getUUID(5).toString())
                : null;
        Instant lastVisit = Times.instant(row.getOffsetDateTime(8));
        boolean overdue = lastVisit != null
                && lastVisit.atZone(zone).toLocalDate().isBefore(today.minusDays(OVERDUE_AFTER_DAYS));
        String stats = JsonText.object()
                .number("lifetimeSpendCents", row.getLong(6))
                .number("visits", row.getLong(7))
                .string("lastVisitAt", lastVisit == null ? null : JsonSetup.INSTANT_FORMAT.format(lastVisit))
                .bool("isVip", row.getBoolean(9))
                .bool("overdueForService", overdue)
                .build();
        return JsonText.object()
                .raw("customer", row.getString(0))
                .raw("vehicles", row.getString(1))
                .raw("appointments", JsonText.object()
                        .raw("items", row.getString(2))
                        .string("nextCursor", nextCursor)
                        .build())
                .raw("stats", stats)
                .build();
    }
}
