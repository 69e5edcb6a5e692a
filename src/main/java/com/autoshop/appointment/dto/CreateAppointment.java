package com.autoshop.appointment.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** POST /api/admin/appointments; {@code endsAt} defaults to two hours after {@code startsAt}. */
public record CreateAppointment(
        @NotNull UUID customerId,
        @NotNull UUID vehicleId,
        UUID technicianId,
        @NotNull Instant startsAt,
        Instant endsAt,
        @Size(max = 200) String title,
        @Size(max = 5000) String notes,
        @Size(max = 50) List<@NotNull @Valid LineItemInput> services) {

    public CreateAppointment {
        title = Normalize.text(title);
        notes = Normalize.text(notes);
        services = services == null ? List.of() : services;
    }
}
