package com.autoshop.billing.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.Size;

/** Why a payment is voided (optional; the body itself is optional). */
public record VoidInput(@Size(max = 1000) String note) {

    public static final VoidInput NONE = new VoidInput(null);

    public VoidInput {
        note = Normalize.text(note);
    }
}
