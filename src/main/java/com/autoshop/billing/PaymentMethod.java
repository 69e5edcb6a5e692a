package com.autoshop.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a payment was made; lower-case in JSON and in the database. */
public enum PaymentMethod {
    CASH, CARD, ACH, OTHER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PaymentMethod fromJson(String value) {
        return PaymentMethod.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
