package com.autoshop.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;

/** One SQL statement: its text, its parameters, and what its rows give. */
public record Statement<T>(String sql, Tuple params, Function<RowSet<Row>, T> result) {

    public Uni<T> execute(SqlConnection connection) {
        return connection.preparedQuery(sql).execute(params).map(result);
    }
}
