package com.autoshop.customer;

import com.autoshop.appointment.AppointmentDetails;
import com.autoshop.appointment.AppointmentJson;
import com.autoshop.platform.data.Conditions;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
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
 * The customer profile, the audit's worst endpoint (61 queries for 20 appointments), in two statements
 * whatever the number of appointments, sent together on one connection: the customer with its vehicles
 * and figures, and one page of appointments with, for each, its services, payments and latest messages
 * ({@link AppointmentDetails}). The page and its lists are written as JSON here from plain columns:
 * PostgreSQL's JSON rendering cost three times the reads.
 */
@ApplicationScoped
public class CustomerProfileQuery {

    /** Messages shown per appointment, newest first (as many as the drawer shows). */
    static final int MESSAGES_PER_APPOINTMENT = 20;
    static final int OVERDUE_AFTER_DAYS = 180;

    /** $1 customer: one row, none for a missing customer. */
    static final String CUSTOMER_SQL = """
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
            )
            SELECT customer.doc::text,
                   (SELECT coalesce(json_agg(json_extend(vehicle_json(v), json_build_object(
                               'visits', coalesce(pv.visits, 0),
                               'lastVisitAt', iso(pv.last_visit),
                               'totalSpentCents', coalesce(pv.spent, 0)))
                           ORDER BY v.is_primary DESC, v.created_at, v.id), '[]')::text
                    FROM vehicles v LEFT JOIN per_vehicle pv ON pv.vehicle_id = v.id
                    WHERE v.customer_id = $1 AND v.deleted_at IS NULL),
                   (SELECT coalesce(sum(paid_cents), 0) FROM history),
                   (SELECT count(*) FILTER (WHERE status = 'COMPLETED') FROM history),
                   (SELECT max(starts_at) FILTER (WHERE status = 'COMPLETED') FROM history),
                   customer.is_vip
            FROM customer""";

    /** $1 customer, $2 page size, $3 with details, $4 messages per appointment; filters follow from $5. */
    static final String PAGE_HEAD = "SELECT " + AppointmentJson.COLUMNS + ",\n" + AppointmentDetails.COLUMNS + """

            FROM (
                SELECT * FROM appointments a
                WHERE a.customer_id = $1 AND a.deleted_at IS NULL""";

    static final String BY_VEHICLE = "a.vehicle_id = ?";
    static final String FROM = "a.starts_at >= ?";
    static final String TO = "a.starts_at < ?";
    static final String BEFORE = "(a.starts_at, a.id) < (?, ?)";

    static final String PAGE_TAIL = """

                ORDER BY a.starts_at DESC, a.id DESC
                LIMIT $2 + 1
            ) a""" + AppointmentDetails.joins("$3", "$4") + """

            ORDER BY a.starts_at DESC, a.id DESC""";

    /** The page statement for one combination of filters (tests read plans from it). */
    static String pageSql(Conditions filters) {
        return PAGE_HEAD + filters.sql() + PAGE_TAIL;
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
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(connection.preparedQuery(CUSTOMER_SQL).execute(Tuple.of(customerId)),
                        connection.preparedQuery(pageSql(where)).execute(where.params()))
                .asTuple())
                .map(both -> render(both.getItem1(), both.getItem2(), filter, today, zone));
    }

    private static String render(RowSet<Row> customer, RowSet<Row> appointments, Filter filter, LocalDate today,
            ZoneId zone) {
        if (customer.size() == 0) {
            return null;
        }
        Row row = customer.iterator().next();
        Instant lastVisit = Times.instant(row.getOffsetDateTime(4));
        boolean overdue = lastVisit != null
                && lastVisit.atZone(zone).toLocalDate().isBefore(today.minusDays(OVERDUE_AFTER_DAYS));
        String stats = JsonText.object()
                .number("lifetimeSpendCents", row.getLong(2))
                .number("visits", row.getLong(3))
                .instant("lastVisitAt", lastVisit)
                .bool("isVip", row.getBoolean(5))
                .bool("overdueForService", overdue)
                .build();
        Page<String> page = KeysetPage.of(appointments, filter.limit(), appointment -> item(appointment, filter.details()),
                AppointmentJson::pageKey);
        return JsonText.object()
                .raw("customer", row.getString(0))
                .raw("vehicles", row.getString(1))
                .raw("appointments", JsonText.page(page.items(), page.nextCursor()))
                .raw("stats", stats)
                .build();
    }

    private static String item(Row appointment, boolean details) {
        JsonText out = AppointmentJson.fields(JsonText.object(), appointment, 0);
        return (details ? AppointmentDetails.fields(out, appointment.getUUID(0), appointment, AppointmentJson.WIDTH) : out)
                .build();
    }
}
