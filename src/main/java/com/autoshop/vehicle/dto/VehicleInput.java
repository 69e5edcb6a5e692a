package com.autoshop.vehicle.dto;

import com.autoshop.platform.text.Normalize;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The editable fields of a vehicle; VIN and plate are upper-cased and stripped of spaces first. */
public record VehicleInput(
        @Min(1886) @Max(2100) Integer year,
        @Size(max = 100) String make,
        @Size(max = 100) String model,
        @Size(max = 100) String trim,
        @Size(max = 50) String color,
        @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}", message = "must be 17 letters and digits, without I, O or Q") String vin,
        @Pattern(regexp = "[A-Z0-9]{1,12}", message = "must be 1 to 12 letters and digits") String licensePlate,
        @Min(0) @Max(5_000_000) Integer mileage,
        @JsonProperty("isPrimary") Boolean isPrimary) {

    public VehicleInput {
        make = Normalize.text(make);
        model = Normalize.text(model);
        trim = Normalize.text(trim);
        color = Normalize.text(color);
        vin = Normalize.vin(vin);
        licensePlate = Normalize.plate(licensePlate);
    }
}
