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

    /**
     * A page of child rows read as {@code parent LEFT JOIN LATERAL (children ... LIMIT limit + 1)}: columns
     * {@code item} (JSON text), {@code at} (timestamptz) and {@code id} (uuid) of each child, keyed on (at, id).
     * A single row whose child id is null means the parent has no children (an empty page).
     */
    public static Page<String> ofChildren(RowSet<Row> rows, int limit, int item, int at, int id) {
        return ofChildren(rows, limit, id, row -> row.getString(item),
                row -> new String[] { Times.instant(row.getOffsetDateTime(at)).toString(), row.getUUID(id).toString() });
    }

    /** The same for children written from their columns: column {@code id} null on the single row means none. */
    public static <T> Page<T> ofChildren(RowSet<Row> rows, int limit, int id, Function<Row, T> item,
            Function<Row, String[]> key) {
        if (rows.size() == 0 || rows.iterator().next().getUUID(id) == null) {
            return new Page<>(List.of(), null);
        }
        return of(rows, limit, item, key);
    }
}
