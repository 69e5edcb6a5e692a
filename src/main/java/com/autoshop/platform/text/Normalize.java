package com.autoshop.platform.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** How the service stores what people type: trimmed, blanks as absent, contact data in one canonical form. */
public final class Normalize {

    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-().]");
    private static final Pattern PLATE_PUNCTUATION = Pattern.compile("[\\s\\-.]");

    private Normalize() {
    }

    /** Trimmed; an empty string becomes null. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String email(String value) {
        String text = text(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** "+1 (555) 010-2030" becomes "+15550102030"; anything else is left for validation to refuse. */
    public static String phone(String value) {
        String text = text(value);
        return text == null ? null : PHONE_PUNCTUATION.matcher(text).replaceAll("");
    }

    /** "ab 12-cd" becomes "AB12CD". */
    public static String plate(String value) {
        String text = text(value);
        return text == null ? null : PLATE_PUNCTUATION.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static String vin(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
