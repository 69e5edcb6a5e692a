package com.autoshop.customer;

import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.text.Like;
import com.autoshop.platform.text.Normalize;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The customer search box: name, email, phone or plate, ordered by name, keyset-paged; one statement.
 * Three characters or more use the trigram indexes; shorter input is a prefix match on the name
 * ordering index (byte order), so no input leads to a sequential scan.
 */
@ApplicationScoped
public class CustomerSearchQuery {

    static final String LIST_SQL = """
            SELECT customer_json(c)::text, lower(c.name), c.id
            FROM customers c
            WHERE c.deleted_at IS NULL
              AND ($1::text IS NULL OR (lower(c.name) COLLATE "C", c.id) > ($1, $2::uuid))
            ORDER BY lower(c.name) COLLATE "C", c.id
            LIMIT $3""";

    static final String TRIGRAM_SQL = """
            WITH hits AS (
                SELECT id FROM customers WHERE deleted_at IS NULL AND search_text LIKE $4
                UNION
                SELECT customer_id FROM vehicles WHERE deleted_at IS NULL AND lower(license_plate) LIKE $5
            )
            SELECT customer_json(c)::text, lower(c.name), c.id
            FROM customers c JOIN hits h ON h.id = c.id
            WHERE c.deleted_at IS NULL
              AND ($1::text IS NULL OR (lower(c.name) COLLATE "C", c.id) > ($1, $2::uuid))
            ORDER BY lower(c.name) COLLATE "C", c.id
            LIMIT $3""";

    static final String PREFIX_SQL = """
            SELECT customer_json(c)::text, lower(c.name), c.id
            FROM customers c
            WHERE c.deleted_at IS NULL
              AND lower(c.name) COLLATE "C" LIKE $4
              AND ($1::text IS NULL OR (lower(c.name) COLLATE "C", c.id) > ($1, $2::uuid))
            ORDER BY lower(c.name) COLLATE "C", c.id
            LIMIT $3""";

    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s\\-().]+");

    private final Pool pool;

    public CustomerSearchQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<String>> search(String q, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.tuple()
                .addString(after.isEmpty() ? null : after.get(0))
                .addUUID(after.isEmpty() ? null : Cursor.uuid(after.get(1)))
                .addInteger(limit + 1);
        String term = term(q);
        String sql = LIST_SQL;
        if (term != null && term.length() >= 3) {
            sql = TRIGRAM_SQL;
            params.addString(Like.contains(term))
                    .addString(Like.contains(Normalize.plate(q).toLowerCase(Locale.ROOT)));
        } else if (term != null) {
            sql = PREFIX_SQL;
            params.addString(Like.escape(term) + "%");
        }
        return pool.preparedQuery(sql).execute(params).map(rows -> KeysetPage.of(rows, limit,
                row -> row.getString(0), row -> new String[] { row.getString(1), row.getUUID(2).toString() }));
    }

    /** The search term: lower case; a phone number typed with punctuation is reduced to its digits. */
    static String term(String q) {
        String text = Normalize.text(q);
        if (text == null) {
            return null;
        }
        if (PHONE_LIKE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 3) {
            return Normalize.phone(text);
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
