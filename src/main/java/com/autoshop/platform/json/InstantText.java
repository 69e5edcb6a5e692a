package com.autoshop.platform.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an instant the way {@link JsonSetup#INSTANT_FORMAT} does (ISO-8601 UTC with milliseconds),
 * digit by digit: read models write hundreds of instants per answer, and the formatter was a tenth of
 * the CPU of writing a customer profile.
 */
final class InstantText {

    private static final int[] POWERS = { 1, 10, 100, 1000 };

    private InstantText() {
    }

    static StringBuilder append(StringBuilder out, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            return out.append(JsonSetup.INSTANT_FORMAT.format(instant));
        }
        digits(out, year, 4).append('-');
        digits(out, utc.getMonthValue(), 2).append('-');
        digits(out, utc.getDayOfMonth(), 2).append('T');
        digits(out, utc.getHour(), 2).append(':');
        digits(out, utc.getMinute(), 2).append(':');
        digits(out, utc.getSecond(), 2).append('.');
        return digits(out, utc.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int place = width - 1; place >= 0; place--) {
            out.append((char) ('0' + value / POWERS[place] % 10));
        }
        return out;
    }
}
