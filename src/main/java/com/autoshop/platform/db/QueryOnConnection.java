package com.autoshop.platform.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * A statement run on the pool as Vert.x runs it (a connection taken, the statement, the connection given
 * back), but with the connection taken by {@link DeadlineAcquire}: a statement whose wait outlived its
 * deadline is never sent. One class serves simple and prepared queries, as {@link ObservedQuery} does.
 */
final class QueryOnConnection<T> implements PreparedQuery<T> {

    private final Supplier<Future<SqlConnection>> acquire;
    private final Function<SqlConnection, Query<T>> simple;
    private final Function<SqlConnection, PreparedQuery<T>> prepared;

    private QueryOnConnection(Supplier<Future<SqlConnection>> acquire, Function<SqlConnection, Query<T>> simple,
            Function<SqlConnection, PreparedQuery<T>> prepared) {
        this.acquire = acquire;
        this.simple = simple;
        this.prepared = prepared;
    }

    static PreparedQuery<RowSet<Row>> prepared(Supplier<Future<SqlConnection>> acquire,
            Function<SqlConnection, PreparedQuery<RowSet<Row>>> query) {
        return new QueryOnConnection<>(acquire, query::apply, query);
    }

    static Query<RowSet<Row>> simple(Supplier<Future<SqlConnection>> acquire, Function<SqlConnection, Query<RowSet<Row>>> query) {
        return new QueryOnConnection<>(acquire, query, null);
    }

    private Future<T> run(Function<SqlConnection, Future<T>> statement) {
        return acquire.get().compose(connection -> statement.apply(connection).eventually(() -> connection.close()));
    }

    @Override
    public Future<T> execute() {
        return run(connection -> simple.apply(connection).execute());
    }

    @Override
    public void execute(Handler<AsyncResult<T>> handler) {
        execute().onComplete(handler);
    }

    @Override
    public Future<T> execute(Tuple tuple) {
        return run(connection -> prepared.apply(connection).execute(tuple));
    }

    @Override
    public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
        execute(tuple).onComplete(handler);
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
        return run(connection -> prepared.apply(connection).executeBatch(batch));
    }

    @Override
    public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
        executeBatch(batch).onComplete(handler);
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
        return new QueryOnConnection<>(acquire, connection -> simple.apply(connection).collecting(collector),
                prepared == null ? null : connection -> prepared.apply(connection).collecting(collector));
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
        return new QueryOnConnection<>(acquire, connection -> simple.apply(connection).mapping(mapper),
                prepared == null ? null : connection -> prepared.apply(connection).mapping(mapper));
    }
}
