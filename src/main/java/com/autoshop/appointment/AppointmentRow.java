package com.autoshop.appointment;

import com.autoshop.platform.data.Times;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** An appointment as read for a change (locked), and the values a change writes back. */
public record AppointmentRow(UUID id, UUID customerId, UUID vehicleId, UUID technicianId, AppointmentStatus status,
        Instant startsAt, Instant endsAt, String title, String notes, int position, long totalCents, long paidCents,
        Instant checkInAt, Instant checkOutAt, Instant startedAt, Instant completedAt, Instant deletedAt, long version) {

    static AppointmentRow of(Row row) {
        return new AppointmentRow(row.getUUID("id"), row.getUUID("customer_id"), row.getUUID("vehicle_id"),
                row.getUUID("technician_id"), AppointmentStatus.valueOf(row.getString("status")),
                Times.instant(row.getOffsetDateTime("starts_at")), Times.instant(row.getOffsetDateTime("ends_at")),
                row.getString("title"), row.getString("notes"), row.getInteger("position"), row.getLong("total_cents"),
                row.getLong("paid_cents"), Times.instant(row.getOffsetDateTime("check_in_at")),
                Times.instant(row.getOffsetDateTime("check_out_at")), Times.instant(row.getOffsetDateTime("started_at")),
                Times.instant(row.getOffsetDateTime("completed_at")), Times.instant(row.getOffsetDateTime("deleted_at")),
                row.getLong("version"));
    }

    AppointmentRow withStatus(AppointmentStatus next, Instant now) {
        return new AppointmentRow(id, customerId, vehicleId, technicianId, next, startsAt, endsAt, title, notes, position,
                totalCents, paidCents, checkInAt, checkOutAt,
                next == AppointmentStatus.IN_PROGRESS && startedAt == null ? now : startedAt,
                next == AppointmentStatus.COMPLETED && completedAt == null ? now : completedAt, deletedAt, version);
    }

    AppointmentRow withCheckIn(Instant at) {
        return new AppointmentRow(id, customerId, vehicleId, technicianId, status, startsAt, endsAt, title, notes, position,
                totalCents, paidCents, at, checkOutAt, startedAt, completedAt, deletedAt, version);
    }

    AppointmentRow withCheckOut(Instant at) {
        return new AppointmentRow(id, customerId, vehicleId, technicianId, status, startsAt, endsAt, title, notes, position,
                totalCents, paidCents, checkInAt, at, startedAt, completedAt, deletedAt, version);
    }

    AppointmentRow deleted(Instant at) {
        return new AppointmentRow(id, customerId, vehicleId, technicianId, status, startsAt, endsAt, title, notes, position,
                totalCents, paidCents, checkInAt, checkOutAt, startedAt, completedAt, at, version);
    }

    AppointmentRow edited(UUID vehicle, UUID technician, Instant starts, Instant ends, String newTitle, String newNotes) {
        return new AppointmentRow(id, customerId, vehicle, technician, status, starts, ends, newTitle, newNotes, position,
                totalCents, paidCents, checkInAt, checkOutAt, startedAt, completedAt, deletedAt, version);
    }
}
