package com.autoshop.customer;

import com.autoshop.appointment.AppointmentDetails;
import com.autoshop.appointment.AppointmentJson;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
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
 * and payments; keyset-paged, one statement, which also tells a missing customer (no row) from an empty
 * history (one row without an appointment). Rows are written as JSON here ({@link AppointmentJson},
 * {@link AppointmentDetails}): PostgreSQL's JSON rendering cost more than the reads.
 */
@ApplicationScoped
public class CustomerHistoryQuery {

    static final String SQL = "SELECT " + AppointmentJson.COLUMNS + """
            , v.year, v.make, v.model, v.trim, v.license_plate,
            """ + AppointmentDetails.PAYMENT_COLUMNS + """

            FROM customers c
            LEFT JOIN LATERAL (
                SELECT * FROM appointments a
                WHERE a.customer_id = $1 AND a.deleted_at IS NULL
                  AND a.status IN ('COMPLETED', 'NO_SHOW', 'CANCELED')
                  AND (a.starts_at, a.id) < ($3, $4)
                ORDER BY a.starts_at DESC, a.id DESC
                LIMIT $2 + 1
            ) a ON true
            LEFT JOIN vehicles v ON v.id = a.vehicle_id""" + AppointmentDetails.paymentsJoin("true") + """

            WHERE c.id = $1 AND c.deleted_at IS NULL
            ORDER BY a.starts_at DESC, a.id DESC""";

    private static final int VEHICLE = AppointmentJson.WIDTH;
    private static final int PAYMENTS = VEHICLE + 5;

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
            Page<String> page = KeysetPage.ofChildren(rows, limit, 0, CustomerHistoryQuery::item, AppointmentJson::pageKey);
            return JsonText.page(page.items(), page.nextCursor());
        });
    }

    private static String item(Row row) {
        String vehicle = JsonText.object()
                .uuid("id", row.getUUID(2))
                .string("label", AppointmentJson.vehicleLabel(row.getShort(VEHICLE), row.getString(VEHICLE + 1),
                        row.getString(VEHICLE + 2), row.getString(VEHICLE + 3)))
                .string("licensePlate", row.getString(VEHICLE + 4))
                .build();
        return AppointmentJson.fields(JsonText.object(), row, 0)
                .raw("vehicle", vehicle)
                .raw("payments", AppointmentDetails.payments(row.getUUID(0), row, PAYMENTS))
                .build();
    }
}
