package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BEGIN with the first statement, COMMIT with the last: all of it commits or none of it, and no connection
 * goes back to the pool in a transaction.
 */
@QuarkusTest
class PipelinedTransactionTest {

    static final String WRITE = "INSERT INTO pipelined_probe (id, step) VALUES ($1, $2) RETURNING step";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @BeforeAll
    static void probeTable() {
        Sql.update("CREATE TABLE IF NOT EXISTS pipelined_probe (id uuid, step text, PRIMARY KEY (id, step))");
    }

    @Test
    void bothStatementsCommit() {
        UUID id = UUID.randomUUID();

        String last = PipelinedTransaction.run(pool, connection -> write(connection, id, "first"),
                first -> new Statement<>(WRITE, Tuple.of(id, "last"), rows -> rows.iterator().next().getString(0)))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(last).isEqualTo("last");
        assertThat(steps(id)).isEqualTo(2L);
    }

    @Test
    void aFailingLastStatementTakesTheFirstWithIt() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> PipelinedTransaction.run(pool, connection -> write(connection, id, "first"),
                first -> new Statement<>(WRITE, Tuple.of(id, "first"), rows -> "duplicate"))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("duplicate key");

        assertThat(steps(id)).isEqualTo(0L);
        assertNoConnectionLeftInATransaction();
    }

    @Test
    void aDecisionAgainstTheWriteRollsTheFirstStatementBack() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> PipelinedTransaction.<String, String>run(pool, connection -> write(connection, id, "first"),
                first -> {
                    throw new IllegalStateException("stale version");
                }).await().atMost(Duration.ofSeconds(10))).hasMessage("stale version");

        assertThat(steps(id)).isEqualTo(0L);
        assertNoConnectionLeftInATransaction();
    }

    @Test
    void aTransactionWhoseClientWentAwayStillEndsBeforeItsConnectionReturnsToThePool() throws InterruptedException {
        UUID id = UUID.randomUUID();

        Cancellable subscription = PipelinedTransaction.run(pool,
                connection -> write(connection, id, "first").call(() -> connection.query("SELECT pg_sleep(0.5)").execute()),
                first -> new Statement<>(WRITE, Tuple.of(id, "last"), rows -> "last"))
                .subscribe().with(item -> { }, failure -> { });
        Thread.sleep(150);
        subscription.cancel();
        // past the sleep: a connection returned in the middle of the transaction would now be idle in it
        Thread.sleep(700);

        assertNoConnectionLeftInATransaction();
        assertThat(steps(id)).isEqualTo(2L);
    }

    @Test
    void theCommitReleasesItsLocksBeforeTheDiskButTheAnswerWaitsForIt() {
        UUID id = UUID.randomUUID();

        String[] seen = PipelinedTransaction.run(pool,
                connection -> connection.query("SELECT current_setting('synchronous_commit')").execute()
                        .map(rows -> rows.iterator().next().getString(0)),
                setting -> new Statement<>("""
                        WITH written AS (INSERT INTO pipelined_probe (id, step) VALUES ($1, 'last'))
                        SELECT pg_current_wal_insert_lsn()::text""", Tuple.of(id),
                        rows -> new String[] {setting, rows.iterator().next().getString(0)}))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(seen[0]).isEqualTo("off");
        // the commit record follows the insert's WAL: answered, it is on disk
        assertThat(Sql.value("SELECT pg_current_wal_flush_lsn() > ?::pg_lsn", seen[1])).isEqualTo(true);
        assertThat(steps(id)).isEqualTo(1L);
    }

    @Test
    void theConnectionGoesBackToThePoolCommittingSynchronously() {
        Config config = ConfigProvider.getConfig();
        Pool single = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                        .setUser(config.getValue("quarkus.datasource.username", String.class))
                        .setPassword(config.getOptionalValue("quarkus.datasource.password", String.class).orElse("")))
                .using(vertx).build();
        try {
            PipelinedTransaction.run(single, connection -> write(connection, UUID.randomUUID(), "first"),
                    first -> new Statement<>("SELECT 1", Tuple.tuple(), rows -> first))
                    .await().atMost(Duration.ofSeconds(10));

            String after = single.query("SELECT current_setting('synchronous_commit')").execute()
                    .map(rows -> rows.iterator().next().getString(0)).await().atMost(Duration.ofSeconds(10));

            assertThat(after).isEqualTo("on");
        } finally {
            single.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static Uni<String> write(SqlConnection connection, UUID id, String step) {
        return connection.preparedQuery(WRITE).execute(Tuple.of(id, step)).map(rows -> rows.iterator().next().getString(0));
    }

    private static long steps(UUID id) {
        return Sql.count("SELECT count(*) FROM pipelined_probe WHERE id = ?", id);
    }

    /** Waits up to 5 s for every connection of the service's pool to be idle outside a transaction. */
    private static void assertNoConnectionLeftInATransaction() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long open;
        while ((open = Sql.count("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND application_name = 'autoshop-service' AND state LIKE 'idle in transaction%'""")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(open).isEqualTo(0L);
    }
}
