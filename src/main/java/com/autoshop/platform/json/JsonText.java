package com.autoshop.platform.json;

/**
 * Assembles a JSON object from fragments that PostgreSQL already rendered as JSON text, so a read
 * model goes from the database to the client without being parsed and serialised again.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    public static JsonText object() {
        return new JsonText();
    }

    /** Adds a member whose value is JSON text from the database (null becomes JSON null). */
    public JsonText raw(String name, String json) {
        return member(name).append(json == null ? "null" : json);
    }

    public JsonText string(String name, String value) {
        member(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** A JSON number, or null. */
    public JsonText number(String name, Number value) {
        return member(name).append(value == null ? "null" : value.toString());
    }

    /** A decimal as PostgreSQL writes it: 0.50, never 5E-1; or null. */
    public JsonText decimal(String name, java.math.BigDecimal value) {
        return member(name).append(value == null ? "null" : value.toPlainString());
    }

    public JsonText number(String name, long value) {
        return member(name).append(Long.toString(value));
    }

    public JsonText uuid(String name, java.util.UUID value) {
        member(name);
        return append(value == null ? "null" : "\"" + value + "\"");
    }

    /** An instant as the API writes them all: ISO-8601 UTC with milliseconds. */
    public JsonText instant(String name, java.time.OffsetDateTime value) {
        return instant(name, value == null ? null : value.toInstant());
    }

    /** An instant as the API writes them all: ISO-8601 UTC with milliseconds. */
    public JsonText instant(String name, java.time.Instant value) {
        member(name);
        if (value == null) {
            return append("null");
        }
        InstantText.append(out.append('"'), value).append('"');
        return this;
    }

    public JsonText bool(String name, boolean value) {
        return member(name).append(Boolean.toString(value));
    }

    /** Adds one member to a JSON object rendered elsewhere (the text of an object, ending with its closing brace). */
    public static String withMember(String objectJson, String name, String valueJson) {
        int end = objectJson.lastIndexOf('}');
        if (end < 0) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String body = objectJson.substring(0, end).stripTrailing();
        String separator = body.endsWith("{") ? "" : ",";
        return body + separator + new JsonText().member(name).append(valueJson).out.substring(1) + "}";
    }

    /** Renders a page of items that are JSON text already: {"items": [...], "nextCursor": ...}. */
    public static String page(java.util.List<String> items, String nextCursor) {
        return object().raw("items", "[" + String.join(",", items) + "]").string("nextCursor", nextCursor).build();
    }

    public String build() {
        return out.append('}').toString();
    }

    private JsonText append(String text) {
        out.append(text);
        return this;
    }

    private JsonText member(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
        return this;
    }

    /** Copies runs of characters that need no escape whole; most values have none. */
    private void quote(String value) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(value, run, i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
                run = i + 1;
            }
        }
        out.append(value, run, value.length()).append('"');
    }
}
