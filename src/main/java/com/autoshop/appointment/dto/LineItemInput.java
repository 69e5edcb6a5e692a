package com.autoshop.appointment.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A service line: what is done and its price in cents; the appointment total is the sum of its lines. */
public record LineItemInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(0) @Max(100_000_000_000L) Long priceCents,
        @DecimalMin("0") @DecimalMax("9999.99") @Digits(integer = 4, fraction = 2) BigDecimal estimatedHours,
        @Size(max = 100) String category,
        @Size(max = 5000) String notes) {

    public LineItemInput {
        name = Normalize.text(name);
        category = Normalize.text(category);
        notes = Normalize.text(notes);
    }
}
