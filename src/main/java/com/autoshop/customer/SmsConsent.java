package com.autoshop.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/** Whether the customer agreed to text messages; SMS is never sent when DENIED. */
public enum SmsConsent {
    GRANTED, DENIED, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SmsConsent fromJson(String value) {
        return SmsConsent.valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static class Converter implements AttributeConverter<SmsConsent, String> {
        @Override
        public String convertToDatabaseColumn(SmsConsent consent) {
            return consent == null ? null : consent.json();
        }

        @Override
        public SmsConsent convertToEntityAttribute(String column) {
            return column == null ? null : fromJson(column);
        }
    }
}
