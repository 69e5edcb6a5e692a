package com.autoshop.platform.db;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A transaction of a first statement (a locking read), a decision in Java, and one last statement (the
 * write), in two round trips instead of four: BEGIN leaves with the first statement and COMMIT with the
 * last, the pool pipelining commands on a connection. The write's locks are no longer held while its
 * answer travels to the service and the COMMIT back: under load that wait (pg_stat_activity: ClientRead
 * after a move's UPDATE) held a board day's lock and every row the move had shifted.
 * <p>
 * The last step is one {@link Statement}, not any Uni, so that nothing can run after the COMMIT was sent.
 * A failure anywhere (the first statement, the decision, the last statement or the COMMIT) ends with a
 * ROLLBACK, which only warns if the failed COMMIT already ended the transaction.
 * A subscriber that cancels (a client gone) does not cancel the transaction: it runs to its end before its
 * connection goes back to the pool, which knows nothing of a BEGIN sent as text.
 * <p>
 * Its locks and its connection go before its WAL reaches the disk, and its answer waits until it has
 * ({@link EarlyRelease}, {@link WalFlush}).
 */
public final class PipelinedTransaction {

    /** Transaction control, sent as text and counted in no statement budget ({@link ObservedConnection}). */
    static final String BEGIN = "BEGIN; " + EarlyRelease.ASYNC_COMMIT;
    static final String COMMIT = "COMMIT";
    static final String ROLLBACK = "ROLLBACK";

    private PipelinedTransaction() {
    }

    public static <A, B> Uni<B> run(Pool pool, Function<SqlConnection, Uni<A>> first, Function<A, Statement<B>> last) {
        return run(pool, WalFlush.of(pool), first, last);
    }

    static <A, B> Uni<B> run(Pool pool, WalFlush<SqlConnection> flush, Function<SqlConnection, Uni<A>> first,
            Function<A, Statement<B>> last) {
        return onConnection(pool, flush, connection -> Uni.combine().all()
                .unis(connection.query(BEGIN).execute(), first.apply(connection)).asTuple()
                .chain(begun -> Uni.combine().all()
                        .unis(last.apply(begun.getItem2()).execute(connection), connection.query(COMMIT).execute())
                        .asTuple().map(Tuple2::getItem1)));
    }

    /**
     * A transaction sent at once: BEGIN, the locking read, a write guarded in its own SQL (it changes nothing
     * unless what the read locked still qualifies) and COMMIT leave together, so no lock waits for the
     * service. A board day's lock held through a round trip to a busy service queued the day's other moves
     * behind it and their connections with them. {@code answer} makes the reply from both results, saying
     * why the write changed nothing when it did not; it cannot undo the write.
     */
    public static <A, B, C> Uni<C> runAtOnce(Pool pool, Function<SqlConnection, Uni<A>> first, Statement<B> last,
            BiFunction<A, B, C> answer) {
        return onConnection(pool, WalFlush.of(pool), connection -> Uni.combine().all()
                .unis(connection.query(BEGIN).execute(), first.apply(connection), last.execute(connection),
                        connection.query(COMMIT).execute()).asTuple())
                .map(results -> answer.apply(results.getItem2(), results.getItem3()));
    }

    /**
     * {@code transaction} on a connection of its own: rolled back on failure, its connection handed to the WAL
     * flush once committed, and run to its end even if the caller goes away.
     */
    private static <T> Uni<T> onConnection(Pool pool, WalFlush<SqlConnection> flush,
            Function<SqlConnection, Uni<T>> transaction) {
        Uni<T> run = pool.getConnection().chain(connection -> Uni.createFrom().deferred(() -> transaction.apply(connection))
                .onFailure().call(() -> rollBack(connection))
                .call(() -> flush.afterCommit(connection)));
        return Uni.createFrom().emitter(emitter -> run.subscribe().with(emitter::complete, emitter::fail));
    }

    private static Uni<Void> rollBack(SqlConnection connection) {
        return connection.query(ROLLBACK).execute().replaceWithVoid().onFailure().recoverWithNull()
                .eventually(connection::close);
    }
}
