package com.autoshop.auth.users;

import com.autoshop.auth.users.dto.UserView;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Staff accounts ordered by name (byte order, then id), keyset-paged; one statement. */
@ApplicationScoped
public class UserListQuery {

    static final String SQL = """
            SELECT id, email, name, role, active, created_at, updated_at, version, lower(name)
            FROM users
            WHERE $1::text IS NULL OR (lower(name) COLLATE "C", id) > ($1, $2::uuid)
            ORDER BY lower(name) COLLATE "C", id
            LIMIT $3""";

    private final Pool pool;

    public UserListQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<UserView>> list(int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.tuple()
                .addString(after.isEmpty() ? null : after.get(0))
                .addUUID(after.isEmpty() ? null : Cursor.uuid(after.get(1)))
                .addInteger(limit + 1);
        return pool.preparedQuery(SQL).execute(params).map(rows -> KeysetPage.of(rows, limit, UserListQuery::view,
                row -> new String[] { row.getString(8), row.getUUID(0).toString() }));
    }

    private static UserView view(Row row) {
        return new UserView(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                Times.instant(row.getOffsetDateTime(5)), Times.instant(row.getOffsetDateTime(6)), row.getLong(7));
    }
}
