package com.autoshop.vehicle;

import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A vehicle's service history: the vehicle, its owner, and its appointments newest first with their
 * services and payments, keyset-paged; one statement.
 */
@ApplicationScoped
public class VehicleProfileQuery {

    /** Public for the plan test, which checks that it aggregates once per request. */
    public static final String SQL = """
            WITH vehicle AS (
                SELECT v.id, v.customer_id, vehicle_json(v) AS doc FROM vehicles v WHERE v.id = $1 AND v.deleted_at IS NULL
            ), candidates AS (
                SELECT a.id, a.starts_at, appointment_json(a) AS doc
                FROM appointments a
                WHERE a.vehicle_id = $1 AND a.deleted_at IS NULL
                  AND (a.starts_at, a.id) < ($2, $3)
                ORDER BY a.starts_at DESC, a.id DESC
                LIMIT $4 + 1
            ), page AS (
                SELECT * FROM candidates ORDER BY starts_at DESC, id DESC LIMIT $4
            ), services AS MATERIALIZED (
                SELECT s.appointment_id, json_agg(line_item_json(s) ORDER BY s.created_at, s.id) AS items
                FROM appointment_services s WHERE s.appointment_id IN (SELECT id FROM page)
                GROUP BY s.appointment_id
            ), pays AS MATERIALIZED (
                SELECT p.appointment_id, json_agg(payment_json(p) ORDER BY p.created_at, p.id) AS items
                FROM payments p WHERE p.appointment_id IN (SELECT id FROM page)
                GROUP BY p.appointment_id
            ), last_of_page AS (
                SELECT starts_at, id FROM page ORDER BY starts_at, id LIMIT 1
            )
            SELECT vehicle.doc::text,
                   (SELECT customer_json(c)::text FROM customers c WHERE c.id = vehicle.customer_id),
                   (SELECT coalesce(json_agg(json_extend(p.doc, json_build_object(
                               'services', coalesce(s.items, '[]'), 'payments', coalesce(y.items, '[]')))
                           ORDER BY p.starts_at DESC, p.id DESC), '[]')::text
                    FROM page p
                    LEFT JOIN services s ON s.appointment_id = p.id
                    LEFT JOIN pays y ON y.appointment_id = p.id),
                   (SELECT count(*) FROM candidates) > $4,
                   (SELECT starts_at FROM last_of_page),
                   (SELECT id FROM last_of_page)
            FROM vehicle""";

    private final Pool pool;

    public VehicleProfileQuery(Pool pool) {
        this.pool = pool;
    }

    /** The profile as JSON text, or null when there is no such live vehicle. */
    public Uni<String> load(UUID vehicleId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.tuple()
                .addUUID(vehicleId)
                .addOffsetDateTime(after.isEmpty() ? Cursor.NEWEST_TIME : Times.utc(Cursor.instant(after.get(0))))
                .addUUID(after.isEmpty() ? Cursor.NEWEST_ID : Cursor.uuid(after.get(1)))
                .addInteger(limit);
        return pool.preparedQuery(SQL).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            String next = row.getBoolean(3)
                    ? Cursor.encode(Times.instant(row.getOffsetDateTime(4)).toString(), row.getUUID(5).toString())
                    : null;
            return JsonText.object()
                    .raw("vehicle", row.getString(0))
                    .raw("owner", row.getString(1))
                    .raw("appointments", JsonText.object().raw("items", row.getString(2)).string("nextCursor", next).build())
                    .build();
        });
    }
}
