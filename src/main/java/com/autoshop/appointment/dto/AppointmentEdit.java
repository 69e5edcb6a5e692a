package com.autoshop.appointment.dto;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The fields of an appointment a PATCH may change (JSON Merge Patch target). */
public record AppointmentEdit(
        @NotNull UUID vehicleId,
        UUID technicianId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Size(max = 200) String title,
        @Size(max = 5000) String notes,
        @NotNull AppointmentStatus status) {

    public AppointmentEdit {
        title = Normalize.text(title);
        notes = Normalize.text(notes);
    }
}
