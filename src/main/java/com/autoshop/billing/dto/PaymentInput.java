package com.autoshop.billing.dto;

import com.autoshop.billing.PaymentMethod;
import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A payment received: a positive amount in cents, how it was paid, and an optional note. */
public record PaymentInput(
        @NotNull @Positive @Max(100_000_000_000L) Long amountCents,
        @NotNull PaymentMethod method,
        @Size(max = 1000) String note) {

    public PaymentInput {
        note = Normalize.text(note);
    }
}
