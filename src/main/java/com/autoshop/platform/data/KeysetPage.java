package com.autoshop.platform.data;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts a page from rows fetched with {@code LIMIT limit + 1}: the extra row only says that a next
 * page exists, and the last row kept gives the cursor.
 */
public final class KeysetPage {

    private KeysetPage() {
    }

    public static <T> Page<T> of(RowSet<Row> rows, int limit, Function<Row, T> item, Function<Row, String[]> key) {
        List<T> items = new ArrayList<>(Math.min(limit, rows.size()));
        Row last = null;
        for (Row row : rows) {
            if (items.size() == limit) {
                return new Page<>(items, Cursor.encode(key.apply(last)));
            }
            items.add(item.apply(row));
            last = row;
        }
        return new Page<>(items, null);
    }
}
