package com.autoshop.appointment;

import com.autoshop.platform.data.Times;
import com.autoshop.platform.json.JsonText;
import io.vertx.mutiny.sqlclient.Row;
import java.util.StringJoiner;

/**
 * An appointment's JSON fields written from its columns, the same fields appointment_json() renders in
 * SQL: for rows read by the hundred, where PostgreSQL's JSON rendering would cost more than the read.
 */
public final class AppointmentJson {

    public static final String COLUMNS = """
            a.id, a.customer_id, a.vehicle_id, a.technician_id, a.status, a.starts_at, a.ends_at, a.title, a.notes,
            a.position, a.total_cents, a.paid_cents, a.check_in_at, a.check_out_at, a.started_at, a.completed_at,
            a.created_at, a.updated_at, a.version""";

    public static final int WIDTH = 19;

    private AppointmentJson() {
    }

    public static JsonText fields(JsonText out, Row row, int at) {
        long total = row.getLong(at + 10);
        long paid = row.getLong(at + 11);
        return out.uuid("id", row.getUUID(at))
                .uuid("customerId", row.getUUID(at + 1))
                .uuid("vehicleId", row.getUUID(at + 2))
                .uuid("technicianId", row.getUUID(at + 3))
                .string("status", row.getString(at + 4))
                .instant("startsAt", row.getOffsetDateTime(at + 5))
                .instant("endsAt", row.getOffsetDateTime(at + 6))
                .string("title", row.getString(at + 7))
                .string("notes", row.getString(at + 8))
                .number("position", row.getInteger(at + 9))
                .number("totalCents", total)
                .number("paidCents", paid)
                .number("balanceCents", total - paid)
                .instant("checkInAt", row.getOffsetDateTime(at + 12))
                .instant("checkOutAt", row.getOffsetDateTime(at + 13))
                .instant("startedAt", row.getOffsetDateTime(at + 14))
                .instant("completedAt", row.getOffsetDateTime(at + 15))
                .instant("createdAt", row.getOffsetDateTime(at + 16))
                .instant("updatedAt", row.getOffsetDateTime(at + 17))
                .number("version", row.getLong(at + 18));
    }

    /** The keyset key of a row read with {@link #COLUMNS} first: (startsAt, id), the order pages are cut in. */
    public static String[] pageKey(Row row) {
        return new String[] { Times.instant(row.getOffsetDateTime(5)).toString(), row.getUUID(0).toString() };
    }

    /** "2019 Honda Civic LX", as vehicle_label() in SQL; null when nothing is known. */
    public static String vehicleLabel(Short year, String make, String model, String trim) {
        StringJoiner label = new StringJoiner(" ");
        if (year != null) {
            label.add(year.toString());
        }
        for (String part : new String[] { make, model, trim }) {
            if (part != null) {
                label.add(part);
            }
        }
        return label.length() == 0 ? null : label.toString();
    }
}
