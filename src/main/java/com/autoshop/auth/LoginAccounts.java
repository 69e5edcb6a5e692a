package com.autoshop.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The account that may log in with an email, one statement each: active staff, or an active customer not deleted. */
@ApplicationScoped
public class LoginAccounts {

    static final String STAFF_SQL = """
            SELECT id, email, name, role, password_hash FROM users WHERE email = $1 AND active""";

    static final String CUSTOMER_SQL = """
            SELECT a.customer_id, a.email, c.name, 'Customer', a.password_hash
            FROM customer_accounts a JOIN customers c ON c.id = a.customer_id
            WHERE a.email = $1 AND a.active AND c.deleted_at IS NULL""";

    private final Pool pool;

    public LoginAccounts(Pool pool) {
        this.pool = pool;
    }

    /** Who logs in, with the bcrypt hash to check the password against. */
    public record Credentials(UUID id, String email, String name, String role, String passwordHash) {
    }

    /** The active staff account with this (normalised) email, or null. */
    public Uni<Credentials> staff(String email) {
        return pool.preparedQuery(STAFF_SQL).execute(Tuple.of(email)).map(LoginAccounts::first);
    }

    /** The active customer account with this (normalised) email, or null. */
    public Uni<Credentials> customer(String email) {
        return pool.preparedQuery(CUSTOMER_SQL).execute(Tuple.of(email)).map(LoginAccounts::first);
    }

    private static Credentials first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new Credentials(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }
}
