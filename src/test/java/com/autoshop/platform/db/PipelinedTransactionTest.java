package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autoshop.support.PoolSessions;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
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
        PoolSessions.assertNoneLeftInATransaction();
    }

    @Test
    void aDecisionAgainstTheWriteRollsTheFirstStatementBack() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> PipelinedTransaction.<String, String>run(pool, connection -> write(connection, id, "first"),
                first -> {
                    throw new IllegalStateException("stale version");
                }).await().atMost(Duration.ofSeconds(10))).hasMessage("stale version");

        assertThat(steps(id)).isEqualTo(0L);
        PoolSessions.assertNoneLeftInATransaction();
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

        PoolSessions.assertNoneLeftInATransaction();
        assertThat(steps(id)).isEqualTo(2L);
    }

    @Test
    void allAtOnceBothStatementsCommitAndTheAnswerSeesBoth() {
        UUID id = UUID.randomUUID();

        String answer = PipelinedTransaction.runAtOnce(pool, connection -> write(connection, id, "first"),
                new Statement<>(WRITE, Tuple.of(id, "last"), rows -> rows.iterator().next().getString(0)),
                (first, last) -> first + "+" + last)
                .await().atMost(Duration.ofSeconds(10));

        assertThat(answer).isEqualTo("first+last");
        assertThat(steps(id)).isEqualTo(2L);
    }

    @Test
    void allAtOnceAFailingFirstStatementTakesTheWriteWithIt() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> PipelinedTransaction.<Integer, String, String>runAtOnce(pool,
                connection -> connection.query("SELECT 1 / 0").execute().map(rows -> 0),
                new Statement<>(WRITE, Tuple.of(id, "last"), rows -> "last"), (first, last) -> last)
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("division by zero");

        assertThat(steps(id)).isEqualTo(0L);
        PoolSessions.assertNoneLeftInATransaction();
    }

    @Test
    void allAtOnceTheAnswerCannotUndoTheWrite() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> PipelinedTransaction.<String, String, String>runAtOnce(pool,
                connection -> write(connection, id, "first"),
                new Statement<>(WRITE, Tuple.of(id, "last"), rows -> "last"), (first, last) -> {
                    throw new IllegalStateException("refused");
                }).await().atMost(Duration.ofSeconds(10))).hasMessage("refused");

        assertThat(steps(id)).isEqualTo(2L);
        PoolSessions.assertNoneLeftInATransaction();
    }

    private static Uni<String> write(SqlConnection connection, UUID id, String step) {
        return connection.preparedQuery(WRITE).execute(Tuple.of(id, step)).map(rows -> rows.iterator().next().getString(0));
    }

    private static long steps(UUID id) {
        return Sql.count("SELECT count(*) FROM pipelined_probe WHERE id = ?", id);
    }
}
