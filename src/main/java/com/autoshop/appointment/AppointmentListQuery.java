package com.autoshop.appointment;

import com.autoshop.platform.data.Conditions;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.text.Like;
import com.autoshop.platform.text.Normalize;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Appointment list rows with the customer's name, the vehicle's label and the technician's initials,
 * filtered and keyset-paged on (startsAt, id): one statement whatever the page size. Rows are rendered
 * here ({@link AppointmentJson}), not by PostgreSQL.
 */
@ApplicationScoped
public class AppointmentListQuery {

    static final String SELECT = """
            SELECT\s""" + AppointmentJson.COLUMNS + """
            , c.name, v.year, v.make, v.model, v.trim, v.license_plate, t.initials
            FROM appointments a
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id
            WHERE a.deleted_at IS NULL""";

    static final String BY_STATUS = "a.status = ANY(?::text[])";
    static final String FROM = "a.starts_at >= ?";
    static final String TO = "a.starts_at < ?";
    static final String BY_TECHNICIAN = "a.technician_id = ?";
    static final String MATCHING = """
            (a.customer_id IN (SELECT id FROM customers WHERE deleted_at IS NULL AND search_text LIKE ?)
             OR a.vehicle_id IN (SELECT id FROM vehicles WHERE deleted_at IS NULL AND lower(license_plate) LIKE ?)
             OR lower(a.title) LIKE ?)""";
    static final String AFTER = "(a.starts_at, a.id) > (?, ?)";
    static final String BEFORE = "(a.starts_at, a.id) < (?, ?)";
    static final String ASCENDING = "\nORDER BY a.starts_at, a.id\nLIMIT ";
    static final String DESCENDING = "\nORDER BY a.starts_at DESC, a.id DESC\nLIMIT ";

    private final Pool pool;

    public AppointmentListQuery(Pool pool) {
        this.pool = pool;
    }

    public record Filter(Set<AppointmentStatus> statuses, Instant from, Instant to, UUID technicianId, String q,
            boolean newestFirst, int limit, String cursor) {
    }

    public Uni<Page<String>> list(Filter filter) {
        List<String> after = Cursor.decode(filter.cursor(), 2);
        Conditions where = new Conditions(Tuple.tuple());
        if (!filter.statuses().isEmpty()) {
            where.and(BY_STATUS, (Object) filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.from() != null) {
            where.and(FROM, Times.utc(filter.from()));
        }
        if (filter.to() != null) {
            where.and(TO, Times.utc(filter.to()));
        }
        if (filter.technicianId() != null) {
            where.and(BY_TECHNICIAN, filter.technicianId());
        }
        String term = Normalize.text(filter.q());
        if (term != null) {
            String pattern = Like.contains(term.toLowerCase(Locale.ROOT));
            where.and(MATCHING, pattern, pattern, pattern);
        }
        if (!after.isEmpty()) {
            where.and(filter.newestFirst() ? BEFORE : AFTER, Times.utc(Cursor.instant(after.get(0))),
                    Cursor.uuid(after.get(1)));
        }
        String limit = where.bind(filter.limit() + 1);
        String sql = SELECT + where.sql() + (filter.newestFirst() ? DESCENDING : ASCENDING) + limit;
        return pool.preparedQuery(sql).execute(where.params()).map(rows -> KeysetPage.of(rows, filter.limit(),
                AppointmentListQuery::json, AppointmentJson::pageKey));
    }

    /** A list row: the appointment with its customer's name, vehicle label and plate, technician's initials. */
    static String json(Row row) {
        int at = AppointmentJson.WIDTH;
        return AppointmentJson.fields(JsonText.object(), row, 0)
                .string("customerName", row.getString(at))
                .string("vehicleLabel", AppointmentJson.vehicleLabel(row.getShort(at + 1), row.getString(at + 2),
                        row.getString(at + 3), row.getString(at + 4)))
                .string("licensePlate", row.getString(at + 5))
                .string("technicianInitials", row.getString(at + 6))
                .build();
    }
}
