package com.autoshop.appointment;

import com.autoshop.platform.json.JsonText;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A board card: the appointment with its customer's name, vehicle label, technician's initials and a
 * summary of its services. The columns come from {@link #COLUMNS}; the JSON is written here rather than
 * by PostgreSQL, which renders JSON an order of magnitude slower than it reads rows (a day's board has
 * around two hundred cards).
 */
final class BoardCards {

    /** The card's columns, read from the CTE {@code scope} (ids) and {@code lines} (services per id). */
    static final String COLUMNS = """
            a.id, a.status, a.position, a.version, a.starts_at, a.ends_at, a.title, a.total_cents, a.paid_cents,
            a.check_in_at, a.check_out_at, a.customer_id, c.name, a.vehicle_id, v.year, v.make, v.model, v.trim,
            v.license_plate, a.technician_id, t.initials, coalesce(l.count, 0), l.summary""";

    static final String SOURCES = """
            FROM scope
            JOIN appointments a ON a.id = scope.id
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            LEFT JOIN technicians t ON t.id = a.technician_id
            LEFT JOIN lines l ON l.appointment_id = a.id""";

    /** Services of the scope's appointments, aggregated once for the whole scope (not once per card: QueryPlanTest). */
    static final String LINES = """
            lines AS MATERIALIZED (
                SELECT appointment_id, count(*) AS count, string_agg(name, ', ' ORDER BY created_at, id) AS summary
                FROM appointment_services WHERE appointment_id IN (SELECT id FROM scope)
                GROUP BY appointment_id
            )""";

    /**
     * What a card shows of its own appointment row, hashed: a card known with the same content needs only
     * its position, which a move shifts on a few hundred cards without changing them otherwise. The fields
     * are hashed as they are stored: hashing the row's text spent a microsecond a timestamp on rendering it,
     * half of a board's statement.
     */
    static final String CONTENT = """
            hash_record_extended(row(a.status, a.version, a.starts_at, a.ends_at, a.title, a.total_cents, a.paid_cents,
                a.check_in_at, a.check_out_at, a.customer_id, a.vehicle_id, a.technician_id), 0)""";

    /** A rendered card around its position, and the content it was rendered from. */
    record Parts(long content, String head, String tail, long renderedAt) {

        private static final String POSITION = "\"position\":";

        static Parts of(String card, long content, long renderedAt) {
            // id and status come first, so the first "position": is the member's
            int start = card.indexOf(POSITION) + POSITION.length();
            int end = start;
            while (end < card.length() && card.charAt(end) != ',') {
                end++;
            }
            return new Parts(content, card.substring(0, start), card.substring(end), renderedAt);
        }

        String json(int position) {
            return head + position + tail;
        }
    }

    /** Number of columns {@link #COLUMNS} reads. */
    static final int WIDTH = 23;

    private BoardCards() {
    }

    static String json(Row row, int at) {
        return JsonText.object()
                .uuid("id", row.getUUID(at))
                .string("status", row.getString(at + 1))
                .number("position", row.getInteger(at + 2))
                .number("version", row.getLong(at + 3))
                .instant("startsAt", row.getOffsetDateTime(at + 4))
                .instant("endsAt", row.getOffsetDateTime(at + 5))
                .string("title", row.getString(at + 6))
                .number("totalCents", row.getLong(at + 7))
                .number("paidCents", row.getLong(at + 8))
                .instant("checkInAt", row.getOffsetDateTime(at + 9))
                .instant("checkOutAt", row.getOffsetDateTime(at + 10))
                .uuid("customerId", row.getUUID(at + 11))
                .string("customerName", row.getString(at + 12))
                .uuid("vehicleId", row.getUUID(at + 13))
                .string("vehicleLabel", AppointmentJson.vehicleLabel(row.getShort(at + 14), row.getString(at + 15),
                        row.getString(at + 16), row.getString(at + 17)))
                .string("licensePlate", row.getString(at + 18))
                .uuid("technicianId", row.getUUID(at + 19))
                .string("technicianInitials", row.getString(at + 20))
                .number("serviceCount", row.getLong(at + 21))
                .string("servicesSummary", row.getString(at + 22))
                .build();
    }
}
