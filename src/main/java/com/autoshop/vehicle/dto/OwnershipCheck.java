package com.autoshop.vehicle.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** POST /api/admin/vehicles/ownership: which of these vehicles belong to this customer? */
public record OwnershipCheck(@NotNull UUID customerId, @NotNull @Size(min = 1, max = 500) List<@NotNull UUID> vehicleIds) {

    public record Answer(List<UUID> owned, List<UUID> notOwned) {
    }
}
