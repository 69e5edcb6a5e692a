package com.autoshop.platform.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * A query that reports each execution to the {@link StatementListener}. One class serves simple and
 * prepared queries: a simple query is a prepared query that is only ever executed without parameters.
 */
final class ObservedQuery<T> implements PreparedQuery<T> {

    private final io.vertx.sqlclient.Query<T> simple;
    private final PreparedQuery<T> prepared;
    private final String sql;
    private final StatementListener listener;

    private ObservedQuery(io.vertx.sqlclient.Query<T> simple, PreparedQuery<T> prepared, String sql,
            StatementListener listener) {
        this.simple = simple;
        this.prepared = prepared;
        this.sql = sql;
        this.listener = listener;
    }

    static <T> PreparedQuery<T> prepared(PreparedQuery<T> delegate, String sql, StatementListener listener) {
        return new ObservedQuery<>(delegate, delegate, sql, listener);
    }

    static <T> io.vertx.sqlclient.Query<T> simple(io.vertx.sqlclient.Query<T> delegate, String sql,
            StatementListener listener) {
        return new ObservedQuery<>(delegate, null, sql, listener);
    }

    private Future<T> observe(Supplier<Future<T>> execution) {
        listener.started(sql);
        long start = System.nanoTime();
        return execution.get().andThen(result -> listener.finished(sql, System.nanoTime() - start, result.failed()));
    }

    @Override
    public Future<T> execute() {
        return observe(simple::execute);
    }

    @Override
    public void execute(Handler<AsyncResult<T>> handler) {
        execute().onComplete(handler);
    }

    @Override
    public Future<T> execute(Tuple tuple) {
        return observe(() -> prepared.execute(tuple));
    }

    @Override
    public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
        execute(tuple).onComplete(handler);
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
        return observe(() -> prepared.executeBatch(batch));
    }

    @Override
    public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
        executeBatch(batch).onComplete(handler);
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
        return prepared == null
                ? new ObservedQuery<>(simple.collecting(collector), null, sql, listener)
                : prepared(prepared.collecting(collector), sql, listener);
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
        return prepared == null
                ? new ObservedQuery<>(simple.mapping(mapper), null, sql, listener)
                : prepared(prepared.mapping(mapper), sql, listener);
    }
}
