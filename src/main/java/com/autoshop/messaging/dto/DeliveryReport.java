package com.autoshop.messaging.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** The provider's delivery receipt (webhook body): the final status, why it failed, its reference. */
public record DeliveryReport(@NotNull Outcome status, @Size(max = 1000) String failureReason,
        @Size(max = 200) String providerRef) {

    public enum Outcome {
        DELIVERED, FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Outcome fromJson(String value) {
            return Outcome.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
