package com.autoshop.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a message travels; lower-case in JSON and in the database. */
public enum Channel {
    SMS, EMAIL;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromJson(String value) {
        return Channel.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
