package com.autoshop.vehicle.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** POST /api/admin/vehicles/{id}/transfer: the new owner. */
public record TransferVehicle(@NotNull UUID customerId) {
}
