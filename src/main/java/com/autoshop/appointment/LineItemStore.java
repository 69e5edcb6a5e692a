package com.autoshop.appointment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The SQL of line items. Every change locks the appointment row first, then writes the line, recomputes
 * the appointment total from its lines, bumps its version and audits, in one statement: the total is always
 * the sum of the lines, whatever runs concurrently, and the database refuses a total under what was paid.
 */
@ApplicationScoped
public class LineItemStore {

    /** The appointment's status, locked; with the line (if {@code $2} names one of its lines) as JSON. */
    static final String LOCK = """
            SELECT a.status, CASE WHEN s.id IS NOT NULL THEN line_item_json(s)::text END
            FROM appointments a
            LEFT JOIN appointment_services s ON s.id = $2 AND s.appointment_id = a.id
            WHERE a.id = $1 AND a.deleted_at IS NULL
            FOR UPDATE OF a""";

    static final String LIST = """
            SELECT (SELECT coalesce(json_agg(line_item_json(s) ORDER BY s.created_at, s.id), '[]')::text
                    FROM appointment_services s WHERE s.appointment_id = a.id),
                   a.total_cents, a.version
            FROM appointments a WHERE a.id = $1 AND a.deleted_at IS NULL""";

    static final String ADD = """
            WITH line AS (
                INSERT INTO appointment_services AS s (id, appointment_id, name, price_cents, estimated_hours, category, notes)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                RETURNING s AS row, s.price_cents
            ), total AS (
                UPDATE appointments a
                SET total_cents = (SELECT coalesce(sum(price_cents), 0) FROM appointment_services WHERE appointment_id = $2)
                                  + (SELECT price_cents FROM line),
                    version = a.version + 1, updated_at = now()
                WHERE a.id = $2
                RETURNING a.total_cents, a.version
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $8, 'add-service', 'appointment', $2, NULL, line_item_json(l.row)::jsonb, now() FROM line l
            )
            SELECT line_item_json(l.row)::text, t.total_cents, t.version FROM line l, total t""";

    static final String CHANGE = """
            WITH before AS (
                SELECT s AS row FROM appointment_services s WHERE s.id = $1 AND s.appointment_id = $2
            ), line AS (
                UPDATE appointment_services s
                SET name = $3, price_cents = $4, estimated_hours = $5, category = $6, notes = $7,
                    version = s.version + 1, updated_at = now()
                WHERE s.id = $1 AND s.appointment_id = $2
                RETURNING s AS row, s.price_cents
            ), total AS (
                UPDATE appointments a
                SET total_cents = (SELECT coalesce(sum(price_cents), 0) FROM appointment_services
                                   WHERE appointment_id = $2 AND id <> $1)
                                  + (SELECT price_cents FROM line),
                    version = a.version + 1, updated_at = now()
                WHERE a.id = $2
                RETURNING a.total_cents, a.version
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $8, 'change-service', 'appointment', $2, line_item_json(b.row)::jsonb,
                       line_item_json(l.row)::jsonb, now()
                FROM line l, before b
            )
            SELECT line_item_json(l.row)::text, t.total_cents, t.version FROM line l, total t""";

    static final String REMOVE = """
            WITH line AS (
                DELETE FROM appointment_services s WHERE s.id = $1 AND s.appointment_id = $2
                RETURNING s AS row
            ), total AS (
                UPDATE appointments a
                SET total_cents = (SELECT coalesce(sum(price_cents), 0) FROM appointment_services
                                   WHERE appointment_id = $2 AND id <> $1),
                    version = a.version + 1, updated_at = now()
                FROM line
                WHERE a.id = $2
                RETURNING a.total_cents, a.version
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $3, 'remove-service', 'appointment', $2, line_item_json(l.row)::jsonb, NULL, now()
                FROM line l
            )
            SELECT NULL::text, t.total_cents, t.version FROM total t""";

    private final Pool pool;

    public LineItemStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** The locked appointment's status and the named line (null when it is not a line of this appointment). */
    record Locked(AppointmentStatus status, JsonObject line) {
    }

    /** A line as written (null after a removal) with the appointment's new total and version. */
    public record Written(String line, long totalCents, long appointmentVersion) {
    }

    Uni<Locked> lock(SqlConnection connection, UUID appointmentId, UUID lineId) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(appointmentId, lineId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            String line = row.getString(1);
            return new Locked(AppointmentStatus.valueOf(row.getString(0)), line == null ? null : new JsonObject(line));
        });
    }

    Uni<Written> list(UUID appointmentId) {
        return pool.preparedQuery(LIST).execute(Tuple.of(appointmentId)).map(rows -> rows.size() == 0 ? null : written(rows.iterator().next()));
    }

    Uni<Written> add(SqlConnection connection, UUID appointmentId, UUID lineId, LineValues values, String actor) {
        return connection.preparedQuery(ADD).execute(values.bind(Tuple.of(lineId, appointmentId)).addString(actor))
                .map(rows -> written(rows.iterator().next()));
    }

    Uni<Written> change(SqlConnection connection, UUID appointmentId, UUID lineId, LineValues values, String actor) {
        return connection.preparedQuery(CHANGE).execute(values.bind(Tuple.of(lineId, appointmentId)).addString(actor))
                .map(rows -> written(rows.iterator().next()));
    }

    Uni<Written> remove(SqlConnection connection, UUID appointmentId, UUID lineId, String actor) {
        return connection.preparedQuery(REMOVE).execute(Tuple.of(lineId, appointmentId, actor))
                .map(rows -> written(rows.iterator().next()));
    }

    private static Written written(Row row) {
        return new Written(row.getString(0), row.getLong(1), row.getLong(2));
    }

    /** The values of a line, bound in the order the statements expect ($3..$7). */
    record LineValues(String name, long priceCents, java.math.BigDecimal estimatedHours, String category, String notes) {

        Tuple bind(Tuple tuple) {
            return tuple.addString(name).addLong(priceCents).addBigDecimal(estimatedHours).addString(category)
                    .addString(notes);
        }
    }
}
