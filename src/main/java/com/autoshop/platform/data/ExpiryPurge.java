package com.autoshop.platform.data;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

/**
 * Deletes expired Idempotency-Keys and the counters of rate-limit windows that have ended. Runs on the
 * event loop (one statement on the reactive pool); every instance may run it, deleting twice is harmless.
 * Each run deletes at most {@link #BATCH} rows of each table, so it never holds many locks at once.
 */
@Singleton
public class ExpiryPurge {

    static final int BATCH = 10_000;

    static final String SQL = """
            WITH keys AS (
                DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT $1))
                RETURNING 1
            ), counters AS (
                DELETE FROM rate_limit_counters WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM rate_limit_counters WHERE expires_at < now() LIMIT $1))
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM keys), (SELECT count(*) FROM counters)""";

    private final Pool pool;

    public ExpiryPurge(Pool pool) {
        this.pool = pool;
    }

    /** [idempotency keys, rate-limit counters] deleted. */
    @Scheduled(identity = "expiry-purge", every = "${autoshop.purge.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return purge().invoke(deleted -> {
            if (deleted[0] + deleted[1] > 0) {
                Log.infof("purged %d expired idempotency keys and %d rate-limit counters", deleted[0], deleted[1]);
            }
        }).onFailure().invoke(failure -> Log.warnf("expiry purge failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<long[]> purge() {
        return pool.preparedQuery(SQL).execute(Tuple.of(BATCH)).map(rows -> {
            Row row = rows.iterator().next();
            return new long[] { row.getLong(0), row.getLong(1) };
        });
    }
}
