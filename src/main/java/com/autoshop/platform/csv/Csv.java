package com.autoshop.platform.csv;

/**
 * Writes CSV (RFC 4180): fields separated by commas, records ended by CRLF, a field quoted when it holds
 * a comma, a double quote, CR or LF, quotes inside doubled. Text that people typed is also neutralised
 * against spreadsheet formula injection (OWASP "CSV injection"): a cell starting with = + - @, a tab or a
 * CR is prefixed with a single quote, so Excel, LibreOffice and Sheets show it as text instead of
 * evaluating it. Numbers and values the service generates (ids, timestamps, enums) go out unchanged.
 */
public final class Csv {

    private final StringBuilder out;
    private boolean firstField = true;

    public Csv(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** The header record. */
    public static String header(String... names) {
        Csv csv = new Csv(256);
        for (String name : names) {
            csv.value(name);
        }
        return csv.endRecord().toString();
    }

    /** A value the service made (an id, an ISO timestamp, an enum): quoted when needed, never altered. */
    public Csv value(String value) {
        separate();
        if (value != null) {
            quoted(value);
        }
        return this;
    }

    /** A number (null: empty). */
    public Csv number(Long value) {
        separate();
        if (value != null) {
            out.append(value.longValue());
        }
        return this;
    }

    /** Text from people (names, notes, emails): neutralised against formula injection, then quoted when needed. */
    public Csv text(String value) {
        separate();
        if (value != null) {
            quoted(neutralised(value));
        }
        return this;
    }

    public Csv endRecord() {
        out.append("\r\n");
        firstField = true;
        return this;
    }

    public int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private void separate() {
        if (!firstField) {
            out.append(',');
        }
        firstField = false;
    }

    private void quoted(String value) {
        boolean needsQuotes = false;
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char c = value.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!needsQuotes) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
