package com.autoshop.platform.text;

/** Escapes user input for a LIKE pattern, so "%" and "_" match themselves. */
public final class Like {

    private Like() {
    }

    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The smallest string after every string that starts with {@code prefix}, in code point (and so
     * UTF-8 byte, COLLATE "C") order: a prefix match as an index range, which a generic plan can use.
     */
    public static String nextPrefix(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + new String(Character.toChars(last + 1));
    }

    /** "%value%" with the value escaped. */
    public static String contains(String value) {
        return "%" + escape(value) + "%";
    }
}
