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

    /**
     * Every query pages after ($1, $2) on (sort_name, id) in byte order, sort_name being lower(name) stored
     * (V17); the first page starts after ("", 0).
     */
    static final String LIST_SQL = """
            SELECT customer_json(c)::text, c.sort_name, c.id
            FROM customers c
            WHERE c.deleted_at IS NULL
              AND (c.sort_name COLLATE "C", c.id) > ($1, $2)
            ORDER BY c.sort_name COLLATE "C", c.id
            LIMIT $3""";

    /** Matches are collected from the trigram indexes first; only the page's customers are rendered. */
    static final String TRIGRAM_SQL = """
            WITH hits AS (
                SELECT c.id, c.sort_name
                FROM customers c WHERE c.deleted_at IS NULL AND c.search_text LIKE $4
                UNION
                -- each plate's owner looked up by key: a short fragment's trigrams promise hundreds of vehicles
                -- (1,200 for 4 characters matching 2), and a join let a custom plan read every customer for them
                SELECT owner.id, owner.sort_name
                FROM (SELECT v.customer_id AS id,
                             (SELECT c.sort_name FROM customers c WHERE c.id = v.customer_id AND c.deleted_at IS NULL) AS sort_name
                      FROM vehicles v WHERE v.deleted_at IS NULL AND lower(v.license_plate) LIKE $5) owner
                WHERE owner.sort_name IS NOT NULL
            ), page AS (
                SELECT id, sort_name FROM hits
                WHERE (sort_name COLLATE "C", id) > ($1, $2)
                ORDER BY sort_name COLLATE "C", id
                LIMIT $3
            )
            SELECT customer_json(c)::text, p.sort_name, c.id
            FROM page p JOIN customers c ON c.id = p.id
            ORDER BY p.sort_name COLLATE "C", p.id""";

    static final String PREFIX_SQL = """
            SELECT customer_json(c)::text, c.sort_name, c.id
            FROM customers c
            WHERE c.deleted_at IS NULL
              AND c.sort_name COLLATE "C" >= $4 AND c.sort_name COLLATE "C" < $5
              AND (c.sort_name COLLATE "C", c.id) > ($1, $2)
            ORDER BY c.sort_name COLLATE "C", c.id
            LIMIT $3""";

    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s\\-().]+");

    private final Pool pool;

    public CustomerSearchQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<String>> search(String q, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.tuple()
                .addString(after.isEmpty() ? "" : after.get(0))
                .addUUID(after.isEmpty() ? new UUID(0, 0) : Cursor.uuid(after.get(1)))
                .addInteger(limit + 1);
        String term = term(q);
        String sql = LIST_SQL;
        if (term != null && term.length() >= 3) {
            sql = TRIGRAM_SQL;
            params.addString(Like.contains(term))
                    .addString(Like.contains(Normalize.plate(q).toLowerCase(Locale.ROOT)));
        } else if (term != null) {
            sql = PREFIX_SQL;
            params.addString(term).addString(Like.nextPrefix(term));
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
