package com.autoshop.platform.data;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;

/**
 * Streams the rows of one query through a database cursor, {@code fetchSize} rows per round trip, as
 * fast as the subscriber asks for them: memory stays constant whatever the number of rows. The cursor
 * needs a transaction (read-only here) and one pooled connection for as long as the stream runs; both are
 * released when it completes, fails or is cancelled (a client that goes away).
 */
public final class QueryStream {

    private QueryStream() {
    }

    private record Open(SqlConnection connection, Transaction transaction, PreparedStatement statement) {
    }

    /**
     * The rows, shaped by {@code shape} (given the row stream once the cursor is open; what it emits first
     * is emitted only after the query started, so a failure to start still reaches the client as an error
     * status rather than a cut stream).
     */
    public static <T> Multi<T> rows(Pool pool, String sql, Tuple params, int fetchSize,
            Function<Multi<Row>, Multi<T>> shape) {
        return Multi.createFrom().resourceFromUni(() -> open(pool, sql),
                open -> shape.apply(open.statement().createStream(fetchSize, params).toMulti()))
                .withFinalizer(open -> close(open, true), (open, failure) -> close(open, false),
                        open -> close(open, false));
    }

    private static Uni<Open> open(Pool pool, String sql) {
        return pool.getConnection().chain(connection -> connection.begin()
                .call(() -> connection.query("SET TRANSACTION READ ONLY").execute())
                .chain(transaction -> connection.prepare(sql).map(statement -> new Open(connection, transaction, statement)))
                .onFailure().call(failure -> connection.close()));
    }

    private static Uni<Void> close(Open open, boolean completed) {
        return open.statement().close()
                .chain(() -> completed ? open.transaction().commit() : open.transaction().rollback())
                .onFailure().invoke(failure -> Log.debugf("closing a query stream: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> open.connection().close());
    }
}
