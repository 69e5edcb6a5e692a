package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autoshop.support.PoolSessions;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both transaction shapes commit without waiting for the disk (their locks and connection go at once) and
 * answer only once their commit is on disk; the connection goes back to the pool committing synchronously again.
 */
@QuarkusTest
class EarlyReleaseTest {

    /** Writes a row, then answers the session's synchronous_commit and the WAL position after the row. */
    static final String WRITE = """
            WITH written AS (INSERT INTO early_release_probe (id) VALUES ($1))
            SELECT current_setting('synchronous_commit'), pg_current_wal_insert_lsn()::text""";

    /** A transaction shape: the pool, its flushes and the row's id in, the last statement's answer out. */
    interface Shape {
        Uni<String[]> apply(Pool pool, WalFlush<SqlConnection> flush, UUID id);

        default Uni<String[]> apply(Pool pool, UUID id) {
            return apply(pool, WalFlush.of(pool), id);
        }
    }

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @BeforeAll
    static void probeTable() {
        Sql.update("CREATE TABLE IF NOT EXISTS early_release_probe (id uuid PRIMARY KEY)");
    }

    static Stream<Shape> shapes() {
        Shape pipelined = (pool, flush, id) -> PipelinedTransaction.run(pool, flush,
                connection -> Uni.createFrom().item(id),
                written -> new Statement<>(WRITE, Tuple.of(id), EarlyReleaseTest::answer));
        Shape stepwise = (pool, flush, id) -> EarlyRelease.withTransaction(pool, flush,
                connection -> write(connection, id));
        return Stream.of(pipelined, stepwise);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theCommitDoesNotWaitForTheDiskButTheAnswerDoes(Shape shape) {
        UUID id = UUID.randomUUID();

        String[] seen = shape.apply(pool, id).await().atMost(Duration.ofSeconds(10));

        assertThat(seen[0]).isEqualTo("off");
        // the commit record follows the row's WAL: answered, it is on disk
        assertThat(Sql.value("SELECT pg_current_wal_flush_lsn() > ?::pg_lsn", seen[1])).isEqualTo(true);
        assertThat(rows(id)).isEqualTo(1L);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theConnectionGoesBackToThePoolCommittingSynchronously(Shape shape) {
        Pool single = PoolSessions.ofOne(vertx);
        try {
            shape.apply(single, UUID.randomUUID()).await().atMost(Duration.ofSeconds(10));

            String after = single.query("SELECT current_setting('synchronous_commit')").execute()
                    .map(rows -> rows.iterator().next().getString(0)).await().atMost(Duration.ofSeconds(10));

            assertThat(after).isEqualTo("on");
        } finally {
            single.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void aTransactionWaitingForAFlushBehindOthersGivesItsConnectionBack(Shape shape) {
        Pool three = PoolSessions.of(vertx, 3);
        CompletableFuture<Void> disk = new CompletableFuture<>();
        WalFlush<SqlConnection> stalled = new WalFlush<>(connection -> Uni.createFrom().completionStage(disk),
                WalFlush::giveBack);
        try {
            // two commits before it: the flush on its way and the next keep their connections
            var before = Stream.of(connect(three), connect(three)).map(stalled::afterCommit)
                    .map(waiting -> waiting.subscribe().withSubscriber(UniAssertSubscriber.create())).toList();
            UUID id = UUID.randomUUID();
            var answer = shape.apply(three, stalled, id).subscribe().withSubscriber(UniAssertSubscriber.create());

            // committed, its connection free for the next request while its answer waits
            long seen = three.preparedQuery("SELECT count(*) FROM early_release_probe WHERE id = $1")
                    .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getLong(0))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(seen).isEqualTo(1L);
            answer.assertNotTerminated();

            disk.complete(null);

            before.forEach(waiting -> waiting.awaitItem(Duration.ofSeconds(10)));
            assertThat(answer.awaitItem(Duration.ofSeconds(10)).getItem()[0]).isEqualTo("off");
        } finally {
            three.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static SqlConnection connect(Pool pool) {
        return pool.getConnection().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aFailingStepRollsBackWhatWentBefore() throws InterruptedException {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> EarlyRelease.withTransaction(pool, connection -> write(connection, id)
                .chain(() -> write(connection, id))).await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("duplicate key");

        assertThat(rows(id)).isEqualTo(0L);
        PoolSessions.assertNoneLeftInATransaction();
    }

    private static Uni<String[]> write(SqlConnection connection, UUID id) {
        return connection.preparedQuery(WRITE).execute(Tuple.of(id)).map(EarlyReleaseTest::answer);
    }

    private static String[] answer(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new String[] {row.getString(0), row.getString(1)};
    }

    private static long rows(UUID id) {
        return Sql.count("SELECT count(*) FROM early_release_probe WHERE id = ?", id);
    }
}
