package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Waits that outlive their deadline lose no connection and send no statement. The first test is the race
 * that lost every connection of Vert.x's pool with its own timeout (DeadlineAcquire): many callers, each
 * holding a connection for 2 ms, waiting close to a 20 ms deadline for five seconds.
 */
@QuarkusTest
class DeadlineAcquireTest {

    static final int SIZE = 4;

    @Inject
    Vertx vertx;

    PgPool pool;

    @BeforeAll
    static void probeTable() {
        Sql.update("CREATE TABLE IF NOT EXISTS deadline_probe (id uuid PRIMARY KEY)");
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private ObservedPool observedPool(long timeoutMillis, ConnectionWaiters waiters) {
        PgConnectOptions connect = PgConnectOptions.fromUri(
                ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
        pool = PgPool.pool(vertx, connect, ObservedPoolCreator.poolOptions(new PoolOptions().setMaxSize(SIZE), 64));
        return new ObservedPool(pool, StatementListener.NONE, vertx, timeoutMillis, waiters);
    }

    @Test
    void theRaceOfATimeoutAndAHandedOverConnectionLosesNone() throws Exception {
        ConnectionWaiters waiters = new ConnectionWaiters(64);
        ObservedPool observed = observedPool(20, waiters);
        long end = System.currentTimeMillis() + 5_000;
        AtomicLong acquired = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        CountDownLatch done = new CountDownLatch(32);
        for (int i = 0; i < 32; i++) {
            // each caller on an event loop of its own, as requests are: the race needs two threads
            ((VertxInternal) vertx).createEventLoopContext()
                    .runOnContext(start -> holdInTurn(observed, end, acquired, timedOut, done));
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(acquired.get()).isPositive();
        assertThat(timedOut.get()).as("waits that reached the deadline").isPositive();
        assertThat(holdAtOnce(new ObservedPool(pool, StatementListener.NONE, vertx, 2_000, waiters)))
                .as("connections that can still be held at once").isEqualTo(SIZE);
        assertNoneWaiting(waiters);
    }

    private void holdInTurn(ObservedPool observed, long end, AtomicLong acquired, AtomicLong timedOut, CountDownLatch done) {
        if (System.currentTimeMillis() > end) {
            done.countDown();
            return;
        }
        observed.getConnection().onComplete(connection -> {
            if (connection.failed()) {
                timedOut.incrementAndGet();
                holdInTurn(observed, end, acquired, timedOut, done);
                return;
            }
            acquired.incrementAndGet();
            vertx.setTimer(2, held -> connection.result().close()
                    .onComplete(closed -> holdInTurn(observed, end, acquired, timedOut, done)));
        });
    }

    private static int holdAtOnce(ObservedPool observed) throws Exception {
        List<CompletableFuture<SqlConnection>> held = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            held.add(observed.getConnection().toCompletionStage().toCompletableFuture());
        }
        int count = 0;
        for (CompletableFuture<SqlConnection> connection : held) {
            try {
                connection.get(10, TimeUnit.SECONDS);
                count++;
            } catch (Exception failed) {
                // counted as lost
            }
        }
        for (CompletableFuture<SqlConnection> connection : held) {
            connection.thenAccept(SqlConnection::close);
        }
        return count;
    }

    private static List<SqlConnection> takeAll(ObservedPool observed) throws Exception {
        List<SqlConnection> all = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            all.add(observed.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
        return all;
    }

    @Test
    void aStatementPastItsDeadlineIsNeverSentAndItsConnectionComesBack() throws Exception {
        ConnectionWaiters waiters = new ConnectionWaiters(64);
        ObservedPool observed = observedPool(200, waiters);
        List<SqlConnection> all = takeAll(observed);
        UUID id = UUID.randomUUID();

        Future<?> late = observed.preparedQuery("INSERT INTO deadline_probe (id) VALUES ($1)").execute(Tuple.of(id));
        Throwable failure = late.toCompletionStage().toCompletableFuture().handle((rows, error) -> error).get(10, TimeUnit.SECONDS);
        all.forEach(SqlConnection::close);
        Thread.sleep(300);

        assertThat(failure).hasMessage(DeadlineAcquire.TIMED_OUT);
        assertThat(Sql.count("SELECT count(*) FROM deadline_probe WHERE id = ?", id)).isZero();
        assertThat(holdAtOnce(observed)).isEqualTo(SIZE);
        assertNoneWaiting(waiters);
    }

    /** A wait's count ends in its own callback, on its own event loop: it may trail the test's last answer. */
    private static void assertNoneWaiting(ConnectionWaiters waiters) throws InterruptedException {
        for (int i = 0; i < 50 && waiters.count() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(waiters.count()).as("waits not yet answered by the pool").isZero();
    }

    @Test
    void theQueueIsFullWhileAsManyWaitAsItHoldsAndNoLonger() throws Exception {
        ConnectionWaiters waiters = new ConnectionWaiters(2);
        ObservedPool observed = observedPool(10_000, waiters);
        List<SqlConnection> all = takeAll(observed);
        assertThat(waiters.queueFull()).as("every connection held, nobody waiting").isFalse();

        CompletableFuture<SqlConnection> first = observed.getConnection().toCompletionStage().toCompletableFuture();
        assertThat(waiters.queueFull()).as("one waiting of two").isFalse();
        CompletableFuture<SqlConnection> second = observed.getConnection().toCompletionStage().toCompletableFuture();
        assertThat(waiters.queueFull()).as("two waiting of two").isTrue();

        all.forEach(SqlConnection::close);
        first.get(10, TimeUnit.SECONDS).close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(waiters.count()).isZero();
        assertThat(waiters.queueFull()).isFalse();
    }

    @Test
    void thePoolItselfWaitsWithoutATimeout() {
        PoolOptions options = ObservedPoolCreator.poolOptions(new PoolOptions().setConnectionTimeout(30), 256);

        assertThat(options.getConnectionTimeout()).isZero();
        assertThat(options.getMaxWaitQueueSize()).isEqualTo(256);
    }
}
