package com.autoshop.platform.db;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple3;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * A transaction of a first statement (a locking read), a decision in Java, and one last statement (the
 * write), in two round trips instead of four: BEGIN leaves with the first statement and COMMIT with the
 * last, the pool pipelining commands on a connection. The write's locks are no longer held while its
 * answer travels to the service and the COMMIT back: under load that wait (pg_stat_activity: ClientRead
 * after a move's UPDATE) held a board day's lock and every row the move had shifted.
 * <p>
 * The last step is one {@link Statement}, not any Uni, so that nothing but the wait for the disk can run
 * after the COMMIT was sent. A failure anywhere (the first statement, the decision, the last statement or
 * the COMMIT) ends with a ROLLBACK, which only warns if the failed COMMIT already ended the transaction.
 * A subscriber that cancels (a client gone) does not cancel the transaction: it runs to its end before its
 * connection goes back to the pool, which knows nothing of a BEGIN sent as text.
 * <p>
 * The COMMIT does not wait for its WAL to reach the disk (synchronous_commit off, for this transaction
 * only), so the locks go as soon as the commit record is written; the {@link #DURABLE} statement pipelined
 * after it does wait, and the answer waits for it. A slow WAL flush (a checkpoint's sync phase) used to hold
 * a board day's lock for its whole length, one change of the day after another, until the pool filled;
 * now every change waiting for that flush shares it. Nothing answered is ever lost: a crash can only take
 * changes not yet answered, which others may have read in the meantime (and always a tail of the commit
 * order, so no later change survives one it read).
 */
public final class PipelinedTransaction {

    /** Transaction control, sent as text and counted in no statement budget ({@link ObservedConnection}). */
    static final String BEGIN = "BEGIN; SET LOCAL synchronous_commit = off";
    static final String COMMIT = "COMMIT";
    static final String ROLLBACK = "ROLLBACK";
    /**
     * A transaction of its own whose commit, synchronous, waits for the WAL to be flushed through it, and so
     * through the COMMIT sent before it. It must take a transaction id and write WAL, or PostgreSQL skips the
     * flush: a transactional logical-decoding message does both, and nothing else (PostgreSQL 17 gives the
     * message a flush argument for this use; decoding consumers can ignore the prefix).
     */
    static final String DURABLE = "SELECT pg_logical_emit_message(true, 'autoshop.durable', '')";

    private PipelinedTransaction() {
    }

    public static <A, B> Uni<B> run(Pool pool, Function<SqlConnection, Uni<A>> first, Function<A, Statement<B>> last) {
        Uni<B> transaction = pool.getConnection().chain(connection -> Uni.createFrom()
                .deferred(() -> Uni.combine().all().unis(connection.query(BEGIN).execute(), first.apply(connection))
                        .asTuple())
                .chain(begun -> {
                    Statement<B> statement = last.apply(begun.getItem2());
                    return Uni.combine().all().unis(statement.execute(connection), connection.query(COMMIT).execute(),
                                    connection.query(DURABLE).execute())
                            .asTuple().map(Tuple3::getItem1);
                })
                .onTermination().call((item, failure, cancelled) -> end(connection, failure != null)));
        return Uni.createFrom().emitter(emitter -> transaction.subscribe().with(emitter::complete, emitter::fail));
    }

    private static Uni<Void> end(SqlConnection connection, boolean failed) {
        Uni<Void> rollback = failed
                ? connection.query(ROLLBACK).execute().replaceWithVoid().onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        return rollback.eventually(connection::close);
    }
}
