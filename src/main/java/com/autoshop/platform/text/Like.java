package com.autoshop.platform.text;

/** Escapes user input for a LIKE pattern, so "%" and "_" match themselves. */
public final class Like {

    private Like() {
    }

    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** "%value%" with the value escaped. */
    public static String contains(String value) {
        return "%" + escape(value) + "%";
    }
}
