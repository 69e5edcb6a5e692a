package com.autoshop.vehicle.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** POST /api/admin/vehicles: the owner, and the vehicle's fields (validated as a {@link VehicleInput}). */
public record CreateVehicle(@NotNull UUID customerId, Integer year, String make, String model, String trim,
        String color, String vin, String licensePlate, Integer mileage, @JsonProperty("isPrimary") Boolean isPrimary) {

    public VehicleInput fields() {
        return new VehicleInput(year, make, model, trim, color, vin, licensePlate, mileage, isPrimary);
    }
}
