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
 * and the payments, in one statement and one payload. The appointment and its lists are written here
 * from plain columns ({@link AppointmentJson}, {@link AppointmentDetails}); the three single objects
 * come rendered by PostgreSQL.
 */
@ApplicationScoped
public class AppointmentDrawerQuery {

    static final int LATEST_MESSAGES = 20;

    static final String SQL = "SELECT " + AppointmentJson.COLUMNS + """
            , customer_json(c)::text, vehicle_json(v)::text, technician_json(t)::text,
            """ + AppointmentDetails.COLUMNS + """

            FROM appointments a
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id""" + AppointmentDetails.joins("true", "$2") + """

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
            int at = AppointmentJson.WIDTH;
            JsonText drawer = JsonText.object()
                    .raw("appointment", AppointmentJson.fields(JsonText.object(), row, 0).build())
                    .raw("customer", row.getString(at))
                    .raw("vehicle", row.getString(at + 1))
                    .raw("technician", row.getString(at + 2));
            return AppointmentDetails.fields(drawer, row.getUUID(0), row, at + 3).build();
        });
    }
}
