package com.autoshop.platform.limits;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * Deletes expired rate-limit counters. Non-blocking (the scheduler subscribes on an event loop); every
 * instance runs it, which is harmless: a second run finds nothing to delete.
 */
@Singleton
public class CounterPurge {

    static final String SQL = "DELETE FROM rate_limit_counters WHERE expires_at < now()";

    private final Pool pool;

    public CounterPurge(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(identity = "rate-limit-purge", every = "${autoshop.rate-limit.purge-every}",
            delayed = "${autoshop.rate-limit.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return pool.query(SQL).execute()
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        Log.debugf("purged %d expired rate-limit counters", rows.rowCount());
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("rate-limit purge failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
