package com.autoshop.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Transactions whose locks go before their WAL reaches the disk, and whose answer waits until it has.
 * The COMMIT runs with synchronous_commit off (for that transaction only), so the locks go as soon as the
 * commit record is written; the answer waits for a {@link #FLUSH} sent after it, one for every transaction
 * that committed while the one before was on its way ({@link WalFlush}), and the connection goes back to the
 * pool at once unless it carries that flush. A slow WAL flush (a checkpoint's sync phase) used to hold a
 * board day's lock for its whole length, one change of the day after another, until the pool filled; now
 * every change waiting for that flush shares it.
 * <p>
 * Nothing answered is ever lost. A crash can take changes not yet answered that others have read in the
 * meantime, and only a tail of the commit order: no change survives one it read.
 */
public final class EarlyRelease {

    /** Transaction control, sent as text and counted in no statement budget ({@link ObservedConnection}). */
    static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";
    /**
     * A transaction of its own whose commit, synchronous, waits for the WAL to be flushed through it, and so
     * through the COMMIT sent before it. It must take a transaction id and write WAL, or PostgreSQL skips the
     * flush: a transactional logical-decoding message does both, and nothing else (PostgreSQL 17 gives the
     * message a flush argument for this use; decoding consumers can ignore the prefix).
     */
    static final String FLUSH = "SELECT pg_logical_emit_message(true, 'autoshop.durable', '')";

    private EarlyRelease() {
    }

    /** {@code Pool.withTransaction}, its locks (and mostly its connection) released before the flush. */
    public static <T> Uni<T> withTransaction(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return withTransaction(pool, WalFlush.of(pool), work);
    }

    static <T> Uni<T> withTransaction(Pool pool, WalFlush<SqlConnection> flush, Function<SqlConnection, Uni<T>> work) {
        Uni<T> transaction = pool.getConnection().chain(connection -> connection.begin()
                .chain(begun -> connection.query(ASYNC_COMMIT).execute()
                        .chain(() -> work.apply(connection))
                        .call(begun::commit)
                        .onFailure().call(failure -> begun.rollback().onFailure().recoverWithNull()))
                .onFailure().call(() -> connection.close().onFailure().recoverWithNull())
                .call(() -> flush.afterCommit(connection)));
        // run to the end even if the caller goes away: the connection goes back to the pool only then
        return Uni.createFrom().emitter(emitter -> transaction.subscribe().with(emitter::complete, emitter::fail));
    }
}
