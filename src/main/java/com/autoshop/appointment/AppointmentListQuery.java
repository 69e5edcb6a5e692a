package com.autoshop.appointment;

import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.text.Like;
import com.autoshop.platform.text.Normalize;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Appointment list rows with the customer's name, the vehicle's label and the technician's initials,
 * filtered and keyset-paged on (startsAt, id): one statement whatever the page size.
 */
@ApplicationScoped
public class AppointmentListQuery {

    private static final String SELECT = """
            SELECT (appointment_json(a)::jsonb || jsonb_build_object(
                        'customerName', c.name, 'vehicleLabel', vehicle_label(v), 'licensePlate', v.license_plate,
                        'technicianInitials', t.initials))::text,
                   a.starts_at, a.id
            FROM appointments a
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id
            WHERE a.deleted_at IS NULL
              AND ($1::text[] IS NULL OR a.status = ANY($1))
              AND ($2::timestamptz IS NULL OR a.starts_at >= $2)
              AND ($3::timestamptz IS NULL OR a.starts_at < $3)
              AND ($4::uuid IS NULL OR a.technician_id = $4)
              AND ($5::text IS NULL OR c.search_text LIKE $5 OR lower(a.title) LIKE $5 OR lower(v.license_plate) LIKE $5)
            """;

    static final String ASCENDING_SQL = SELECT + """
              AND ($6::timestamptz IS NULL OR (a.starts_at, a.id) > ($6, $7::uuid))
            ORDER BY a.starts_at, a.id
            LIMIT $8""";

    static final String DESCENDING_SQL = SELECT + """
              AND ($6::timestamptz IS NULL OR (a.starts_at, a.id) < ($6, $7::uuid))
            ORDER BY a.starts_at DESC, a.id DESC
            LIMIT $8""";

    private final Pool pool;

    public AppointmentListQuery(Pool pool) {
        this.pool = pool;
    }

    public record Filter(Set<AppointmentStatus> statuses, Instant from, Instant to, UUID technicianId, String q,
            boolean newestFirst, int limit, String cursor) {
    }

    public Uni<Page<String>> list(Filter filter) {
        List<String> after = Cursor.decode(filter.cursor(), 2);
        String term = Normalize.text(filter.q());
        Tuple params = Tuple.tuple()
                .addArrayOfString(filter.statuses().isEmpty() ? null
                        : filter.statuses().stream().map(Enum::name).toArray(String[]::new))
                .addOffsetDateTime(Times.utc(filter.from()))
                .addOffsetDateTime(Times.utc(filter.to()))
                .addUUID(filter.technicianId())
                .addString(term == null ? null : Like.contains(term.toLowerCase(Locale.ROOT)))
                .addOffsetDateTime(after.isEmpty() ? null : Times.utc(Cursor.instant(after.get(0))))
                .addUUID(after.isEmpty() ? null : Cursor.uuid(after.get(1)))
                .addInteger(filter.limit() + 1);
        String sql = filter.newestFirst() ? DESCENDING_SQL : ASCENDING_SQL;
        return pool.preparedQuery(sql).execute(params).map(rows -> KeysetPage.of(rows, filter.limit(),
                row -> row.getString(0),
                row -> new String[] { Times.instant(row.getOffsetDateTime(1)).toString(), row.getUUID(2).toString() }));
    }
}
