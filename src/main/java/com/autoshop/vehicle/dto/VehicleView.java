package com.autoshop.vehicle.dto;

import com.autoshop.vehicle.Vehicle;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A vehicle as the API shows it; the SQL read models render the same fields (vehicle_json). */
@RegisterForReflection
public record VehicleView(UUID id, UUID customerId, Integer year, String make, String model, String trim,
        String color, String vin, String licensePlate, Integer mileage, @JsonProperty("isPrimary") boolean isPrimary,
        String label, Instant createdAt, Instant updatedAt, long version) {

    public static VehicleView of(Vehicle v) {
        String label = Stream.of(v.year == null ? null : v.year.toString(), v.make, v.model, v.trim)
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
        return new VehicleView(v.id, v.customerId, v.year == null ? null : v.year.intValue(), v.make, v.model, v.trim,
                v.color, v.vin, v.licensePlate, v.mileage, v.primary, label.isEmpty() ? null : label, v.createdAt,
                v.updatedAt, v.version);
    }

    public VehicleInput editable() {
        return new VehicleInput(year, make, model, trim, color, vin, licensePlate, mileage, isPrimary);
    }
}
