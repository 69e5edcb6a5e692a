package com.autoshop.appointment;

import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The appointment drawer: appointment, customer, vehicle, technician, services, the latest messages
 * and the payments, in one statement and one payload.
 */
@ApplicationScoped
public class AppointmentDrawerQuery {

    static final int LATEST_MESSAGES = 20;

    static final String SQL = """
            SELECT appointment_json(a)::text, customer_json(c)::text, vehicle_json(v)::text, technician_json(t)::text,
                   (SELECT coalesce(json_agg(line_item_json(s) ORDER BY s.created_at, s.id), '[]')::text
                    FROM appointment_services s WHERE s.appointment_id = a.id),
                   (SELECT coalesce(json_agg(doc ORDER BY created_at DESC, id DESC), '[]')::text
                    FROM (SELECT message_json(m) AS doc, m.created_at, m.id FROM messages m
                          WHERE m.appointment_id = a.id ORDER BY m.created_at DESC, m.id DESC LIMIT $2) latest),
                   (SELECT coalesce(json_agg(payment_json(p) ORDER BY p.created_at, p.id), '[]')::text
                    FROM payments p WHERE p.appointment_id = a.id)
            FROM appointments a
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id
            WHERE a.id = $1 AND a.deleted_at IS NULL""";

    private final Pool pool;

    public AppointmentDrawerQuery(Pool pool) {
        this.pool = pool;
    }

    /** The drawer as JSON text, or null when there is no such live appointment. */
    public Uni<String> load(UUID id) {
        return pool.preparedQuery(SQL).execute(Tuple.of(id, LATEST_MESSAGES)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return JsonText.object()
                    .raw("appointment", row.getString(0))
                    .raw("customer", row.getString(1))
                    .raw("vehicle", row.getString(2))
                    .raw("technician", row.getString(3))
                    .raw("services", row.getString(4))
                    .raw("messages", row.getString(5))
                    .raw("payments", row.getString(6))
                    .build();
        });
    }
}
