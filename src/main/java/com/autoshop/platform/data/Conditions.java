package com.autoshop.platform.data;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The WHERE clause of a read with optional filters, holding only the filters a request uses: each
 * fragment is a constant of the calling query with {@code ?} where its parameters go, numbered here
 * ($n) into the shared tuple. A statement without "$n IS NULL OR ..." branches gets a plan that uses
 * its indexes even when PostgreSQL reuses the plan for other values (a generic plan).
 */
public final class Conditions {

    private final StringBuilder sql = new StringBuilder();
    private final Tuple params;

    public Conditions(Tuple params) {
        this.params = params;
    }

    /** Adds {@code AND fragment}, binding one value per {@code ?} in order. */
    public Conditions and(String fragment, Object... values) {
        sql.append("\n  AND ");
        int value = 0;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '?') {
                params.addValue(values[value++]);
                sql.append('$').append(params.size());
            } else {
                sql.append(c);
            }
        }
        if (value != values.length) {
            throw new IllegalArgumentException("the fragment takes " + value + " values, not " + values.length);
        }
        return this;
    }

    /** Binds a value outside the conditions (a LIMIT, say) and answers its placeholder. */
    public String bind(Object value) {
        params.addValue(value);
        return "$" + params.size();
    }

    public String sql() {
        return sql.toString();
    }

    public Tuple params() {
        return params;
    }
}
