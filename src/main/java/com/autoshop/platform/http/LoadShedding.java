package com.autoshop.platform.http;

import com.autoshop.platform.db.ConnectionWaiters;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ProblemMappers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * While the connection pool's wait queue is full, an API request is answered 503 at the door, before its
 * token is verified and the REST layer runs: the pool would refuse it anyway, after that work, and the
 * requests holding connections wait for the event loops the refusals take. At three times the sustainable
 * rate it took the refusals' p99 from 0.6..2.2 s to 0.1..0.3 s (BENCHMARKS.md). Everything under /api is
 * refused alike, a board kept in memory too; probes and metrics never are.
 */
@Singleton
public class LoadShedding {

    private final ConnectionWaiters waiters;
    private final Counter rejections;

    public LoadShedding(ConnectionWaiters waiters, MeterRegistry registry) {
        this.waiters = waiters;
        this.rejections = ProblemMappers.poolRejections(registry);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 800);
    }

    private void check(RoutingContext rc) {
        if (waiters.queueFull() && rc.normalizedPath().startsWith("/api/")) {
            rejections.increment();
            // a 200-byte problem gains nothing from gzip, and the refusal should cost as little as it can
            rc.response().putHeader("Content-Encoding", "identity");
            rc.fail(DatabaseErrors.atCapacity());
            return;
        }
        rc.next();
    }
}
