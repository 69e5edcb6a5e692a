package com.autoshop.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits for the WAL to reach the disk for the transactions that committed without waiting ({@link EarlyRelease}),
 * one flush at a time: a transaction that committed while a flush was on its way waits for the next one, which
 * serves every transaction that committed meanwhile. The flush goes on the connection of a transaction that
 * waits for it, which keeps its connection for that; the others give theirs back at once. So at most two
 * connections wait for the disk (the flush on its way and the next), and a flush never queues for a connection.
 * <p>
 * When every write waited on its own connection, a WAL fsync that took half a second (once a minute or so
 * on the benchmark's machines) held all 20 connections, and the reads queued behind them overflowed the
 * pool's wait queue: 503s at 76 % busy.
 *
 * @param <C> a connection whose transaction has committed
 */
public final class WalFlush<C> {

    private static final Map<Pool, WalFlush<SqlConnection>> BY_POOL = Collections.synchronizedMap(new WeakHashMap<>());

    private final Function<C, Uni<?>> flush;
    private final Consumer<C> release;
    /** The flush on its way, and the one to send when it returns (null: none); guarded by {@code this}. */
    private Round<C> sent;
    private Round<C> next;

    WalFlush(Function<C, Uni<?>> flush, Consumer<C> release) {
        this.flush = flush;
        this.release = release;
    }

    /** A flush and the connection it goes on. */
    private record Round<C>(C connection, CompletableFuture<Void> flushed) {
    }

    /** The flushes of the transactions of a pool (of one database). */
    static WalFlush<SqlConnection> of(Pool pool) {
        return BY_POOL.computeIfAbsent(pool, key -> new WalFlush<>(
                connection -> connection.query(EarlyRelease.FLUSH).execute(), WalFlush::giveBack));
    }

    /** Returns a connection to its pool; nothing waits for it. */
    static void giveBack(SqlConnection connection) {
        connection.close().subscribe().with(closed -> { }, failure -> { });
    }

    /**
     * Takes over {@code connection}, whose transaction has just committed, and gives it back (at once, or once
     * a flush sent on it has returned). Completes, on the caller's context, once the WAL is on disk through
     * that commit; fails if the flush that was to bring it there failed.
     */
    public Uni<Void> afterCommit(C connection) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            joinFlush(connection).whenComplete((done, failure) -> onContext(context, () -> {
                if (failure == null) {
                    emitter.complete(null);
                } else {
                    emitter.fail(failure);
                }
            }));
        });
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    private CompletableFuture<Void> joinFlush(C connection) {
        Round<C> toSend = null;
        CompletableFuture<Void> joined;
        boolean kept = true;
        synchronized (this) {
            if (sent == null) {
                sent = new Round<>(connection, new CompletableFuture<>());
                toSend = sent;
                joined = sent.flushed;
            } else if (next == null) {
                // the flush on its way was sent before this commit returned: it may not reach it
                next = new Round<>(connection, new CompletableFuture<>());
                joined = next.flushed;
            } else {
                joined = next.flushed;
                kept = false;
            }
        }
        if (!kept) {
            release.accept(connection);
        }
        if (toSend != null) {
            send(toSend);
        }
        return joined;
    }

    private void send(Round<C> round) {
        Uni<?> sending;
        try {
            sending = flush.apply(round.connection());
        } catch (RuntimeException e) {
            sending = Uni.createFrom().failure(e);
        }
        sending.subscribe().with(done -> returned(round, null), failure -> returned(round, failure));
    }

    private void returned(Round<C> round, Throwable failure) {
        Round<C> following;
        synchronized (this) {
            following = next;
            next = null;
            sent = following;
        }
        release.accept(round.connection());
        if (following != null) {
            send(following);
        }
        if (failure == null) {
            round.flushed().complete(null);
        } else {
            round.flushed().completeExceptionally(failure);
        }
    }
}
