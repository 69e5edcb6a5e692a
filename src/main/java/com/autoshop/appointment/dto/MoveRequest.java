package com.autoshop.appointment.dto;

import com.autoshop.appointment.AppointmentStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Board drag and drop: the column (status), the slot in it, and the version the client last read. */
public record MoveRequest(@NotNull AppointmentStatus status, @NotNull @Min(0) @Max(100_000) Integer position,
        @NotNull Long version) {
}
