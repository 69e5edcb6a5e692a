package com.autoshop.platform.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.spi.DatabaseMetadata;
import java.util.Set;

/** A pooled connection whose queries report to the {@link StatementListener}; transactions pass through uncounted. */
final class ObservedConnection implements SqlConnection {

    private final SqlConnection delegate;
    private final StatementListener listener;

    ObservedConnection(SqlConnection delegate, StatementListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    /**
     * Transaction control sent as text (PipelinedTransaction, EarlyRelease): not a statement of any budget
     * (SPEC.md section 5).
     */
    private static final Set<String> TRANSACTION_CONTROL = Set.of(PipelinedTransaction.BEGIN, PipelinedTransaction.COMMIT,
            PipelinedTransaction.ROLLBACK, EarlyRelease.ASYNC_COMMIT, EarlyRelease.FLUSH);

    @Override
    public Query<RowSet<Row>> query(String sql) {
        if (TRANSACTION_CONTROL.contains(sql)) {
            return delegate.query(sql);
        }
        return ObservedQuery.simple(delegate.query(sql), sql, listener);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return ObservedQuery.prepared(delegate.preparedQuery(sql), sql, listener);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return ObservedQuery.prepared(delegate.preparedQuery(sql, options), sql, listener);
    }

    @Override
    public SqlConnection prepare(String sql, Handler<AsyncResult<PreparedStatement>> handler) {
        delegate.prepare(sql, handler);
        return this;
    }

    @Override
    public Future<PreparedStatement> prepare(String sql) {
        return delegate.prepare(sql);
    }

    @Override
    public SqlConnection prepare(String sql, PrepareOptions options, Handler<AsyncResult<PreparedStatement>> handler) {
        delegate.prepare(sql, options, handler);
        return this;
    }

    @Override
    public Future<PreparedStatement> prepare(String sql, PrepareOptions options) {
        return delegate.prepare(sql, options);
    }

    @Override
    public SqlConnection exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public SqlConnection closeHandler(Handler<Void> handler) {
        delegate.closeHandler(handler);
        return this;
    }

    @Override
    public void begin(Handler<AsyncResult<Transaction>> handler) {
        delegate.begin(handler);
    }

    @Override
    public Future<Transaction> begin() {
        return delegate.begin();
    }

    @Override
    public Transaction transaction() {
        return delegate.transaction();
    }

    @Override
    public boolean isSSL() {
        return delegate.isSSL();
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
    public DatabaseMetadata databaseMetadata() {
        return delegate.databaseMetadata();
    }
}
