package com.autoshop.platform.data;

import com.autoshop.platform.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque keyset cursors: the sort key of the last row of a page and its id, base64url-encoded.
 * Clients pass them back unchanged; anything else is a 400, never a silent restart from page one.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    /**
     * The key before which a newest-first first page starts: later than any stored instant, greater
     * than any id. With it the first page and the next ones share one statement (and one plan).
     */
    public static final OffsetDateTime NEWEST_TIME = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
    public static final UUID NEWEST_ID = new UUID(-1L, -1L);

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of the cursor, or an empty list when there is none; {@code arity} parts are expected. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(decoded.split(SEPARATOR, -1));
            if (parts.size() != arity) {
                throw invalid();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this list gave out");
    }
}
