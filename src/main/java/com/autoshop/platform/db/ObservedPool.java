package com.autoshop.platform.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * The reactive pool every SQL statement of the service goes through, Hibernate Reactive's included.
 * It reports each statement to a {@link StatementListener}, which is how request statement counts,
 * the slow-statement log and per-statement timers stay independent of trace sampling.
 */
final class ObservedPool implements PgPool {

    private final PgPool delegate;
    private final StatementListener listener;
    private final DeadlineAcquire acquire;

    /** {@code delegate} built without a connection timeout: {@code timeoutMillis} is kept here ({@link DeadlineAcquire}). */
    ObservedPool(PgPool delegate, StatementListener listener, Vertx vertx, long timeoutMillis, ConnectionWaiters waiters) {
        this.delegate = delegate;
        this.listener = listener;
        this.acquire = new DeadlineAcquire(delegate, vertx, timeoutMillis, waiters);
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Future<SqlConnection> getConnection() {
        return acquire.get().map(connection -> new ObservedConnection(connection, listener));
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return ObservedQuery.simple(QueryOnConnection.simple(acquire, connection -> connection.query(sql)), sql, listener);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return ObservedQuery.prepared(QueryOnConnection.prepared(acquire, connection -> connection.preparedQuery(sql)), sql, listener);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return ObservedQuery.prepared(QueryOnConnection.prepared(acquire, connection -> connection.preparedQuery(sql, options)),
                sql, listener);
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        delegate.close(handler);
    }

    @Override
    public Future<Void> close() {
        return delegate.close();
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        delegate.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        delegate.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return delegate.size();
    }
}
