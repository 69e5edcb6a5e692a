package com.autoshop.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Supplier;

/**
 * Takes a pooled connection within a deadline of its own. Vert.x's pool (4.5.27, unchanged through 4.5.35)
 * loses the connection of a waiter whose timeout fires after the pool has handed it a connection and before
 * that connection arrives: the pool takes the waiter off its queue without marking it served, so the timeout
 * cancels it and fails the caller, and the connection then reaches a request that has already failed and is
 * never given back. Under a stall (waits near the timeout) four connections of four were gone in seconds, and
 * a load test's overload left 7 of 20 idle in PostgreSQL for good while the pool counted them in use.
 * <p>
 * So the pool runs without a timeout, and this fails a waiter past its deadline itself; a connection that
 * arrives afterwards goes straight back to the pool, unused. Every wait is counted in {@link ConnectionWaiters}
 * until the pool answers it.
 */
final class DeadlineAcquire implements Supplier<Future<SqlConnection>> {

    /** What Vert.x's own timeout said, and what {@code DatabaseErrors} answers with 503. */
    static final String TIMED_OUT = "Timeout waiting for connection";

    private final Pool pool;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final ConnectionWaiters waiters;

    DeadlineAcquire(Pool pool, Vertx vertx, long timeoutMillis, ConnectionWaiters waiters) {
        this.pool = pool;
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.waiters = waiters;
    }

    @Override
    public Future<SqlConnection> get() {
        waiters.enter();
        if (timeoutMillis <= 0) {
            return pool.getConnection().onComplete(answered -> waiters.leave());
        }
        Promise<SqlConnection> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, fired -> result.tryFail(new VertxException(TIMED_OUT, true)));
        pool.getConnection().onComplete(acquired -> {
            waiters.leave();
            vertx.cancelTimer(timer);
            if (acquired.failed()) {
                result.tryFail(acquired.cause());
            } else if (!result.tryComplete(acquired.result())) {
                acquired.result().close();
            }
        });
        return result.future();
    }
}
