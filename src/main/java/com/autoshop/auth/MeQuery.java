package com.autoshop.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Who an account is, as the database has it now (a token's claims may be up to an hour old); one statement. */
@ApplicationScoped
public class MeQuery {

    static final String STAFF_SQL = "SELECT id, email, name, role FROM users WHERE id = $1";
    static final String CUSTOMER_SQL = """
            SELECT c.id, a.email, c.name, 'Customer' FROM customers c
            JOIN customer_accounts a ON a.customer_id = c.id
            WHERE c.id = $1 AND c.deleted_at IS NULL""";

    private final Pool pool;

    public MeQuery(Pool pool) {
        this.pool = pool;
    }

    public record Me(UUID id, String email, String name, String role) {
    }

    /** The account, or null when it no longer exists. */
    public Uni<Me> load(UUID id, boolean customer) {
        return pool.preparedQuery(customer ? CUSTOMER_SQL : STAFF_SQL).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Me(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3));
        });
    }
}
