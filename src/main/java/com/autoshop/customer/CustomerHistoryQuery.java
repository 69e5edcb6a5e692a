package com.autoshop.customer;

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
 * A customer's past appointments (completed, no-show, cancelled), newest first, each with its vehicle
 * and payments; keyset-paged, one statement, which also tells a missing customer from an empty history.
 */
@ApplicationScoped
public class CustomerHistoryQuery {

    static final String SQL = """
            WITH customer AS (
                SELECT id FROM customers WHERE id = $1 AND deleted_at IS NULL
            ), candidates AS (
                SELECT a.id, a.starts_at, a.vehicle_id, appointment_json(a) AS doc
                FROM appointments a
                WHERE a.customer_id = $1 AND a.deleted_at IS NULL
                  AND a.status IN ('COMPLETED', 'NO_SHOW', 'CANCELED')
                  AND (a.starts_at, a.id) < ($3, $4)
                ORDER BY a.starts_at DESC, a.id DESC
                LIMIT $2 + 1
            ), page AS (
                SELECT * FROM candidates ORDER BY starts_at DESC, id DESC LIMIT $2
            ), pays AS MATERIALIZED (
                SELECT p.appointment_id, json_agg(payment_json(p) ORDER BY p.created_at, p.id) AS items
                FROM payments p WHERE p.appointment_id IN (SELECT id FROM page)
                GROUP BY p.appointment_id
            ), last_of_page AS (
                SELECT starts_at, id FROM page ORDER BY starts_at, id LIMIT 1
            )
            SELECT (SELECT coalesce(json_agg(json_extend(p.doc, json_build_object(
                               'vehicle', json_build_object('id', v.id, 'label', vehicle_label(v),
                                                            'licensePlate', v.license_plate),
                               'payments', coalesce(y.items, '[]')))
                           ORDER BY p.starts_at DESC, p.id DESC), '[]')::text
                    FROM page p
                    JOIN vehicles v ON v.id = p.vehicle_id
                    LEFT JOIN pays y ON y.appointment_id = p.id),
                   (SELECT count(*) FROM candidates) > $2,
                   (SELECT starts_at FROM last_of_page),
                   (SELECT id FROM last_of_page)
            FROM customer""";

    private final Pool pool;

    public CustomerHistoryQuery(Pool pool) {
        this.pool = pool;
    }

    /** The page as JSON text, or null when there is no such live customer. */
    public Uni<String> load(UUID customerId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        // the first page starts after the greatest possible key: one statement shape, one plan, for every page
        Tuple params = Tuple.of(customerId, limit,
                after.isEmpty() ? Cursor.NEWEST_TIME : Times.utc(Cursor.instant(after.get(0))),
                after.isEmpty() ? Cursor.NEWEST_ID : Cursor.uuid(after.get(1)));
        return pool.preparedQuery(SQL).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            String next = row.getBoolean(1)
                    ? Cursor.encode(Times.instant(row.getOffsetDateTime(2)).toString(), row.getUUID(3).toString())
                    : null;
            return JsonText.object().raw("items", row.getString(0)).string("nextCursor", next).build();
        });
    }
}
