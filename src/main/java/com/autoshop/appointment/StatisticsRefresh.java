package com.autoshop.appointment;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Refreshes the planner's statistics of appointments once a night, at a quiet hour of the shop (V15):
 * autovacuum no longer analyzes the table, whose board moves modify thousands of rows a second without
 * changing what the plans read from it. Every instance tries; the database lets one of them analyze and
 * the others find the statistics fresh.
 */
@Singleton
public class StatisticsRefresh {

    static final String SQL = "SELECT refresh_appointment_statistics($1 * interval '1 second')";

    /** Statistics this young are left alone: another instance refreshed them this night. */
    static final Duration FRESH = Duration.ofHours(12);

    private final Pool pool;

    public StatisticsRefresh(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(identity = "appointment-statistics", cron = "${autoshop.statistics.refresh-cron}",
            timeZone = "${autoshop.shop-time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> nightly() {
        long started = System.nanoTime();
        return refresh(FRESH)
                .invoke(analyzed -> {
                    if (analyzed) {
                        Log.infof("refreshed the statistics of appointments in %d ms", (System.nanoTime() - started) / 1_000_000);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("refreshing the statistics of appointments failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Whether this call analyzed: not when the statistics are younger than {@code fresh} or being refreshed. */
    Uni<Boolean> refresh(Duration fresh) {
        return pool.preparedQuery(SQL).execute(Tuple.of(fresh.toSeconds()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
