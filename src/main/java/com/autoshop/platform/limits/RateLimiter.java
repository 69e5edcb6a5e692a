package com.autoshop.platform.limits;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window rate limits shared by every instance: one counter row per (bucket, window) in PostgreSQL,
 * incremented by one atomic statement for all the limits of a request. The row lock serialises concurrent
 * increments of a bucket, so a limit holds exactly under concurrency, across instances, at the cost of one
 * round trip whatever the traffic. Windows are aligned to the epoch in the database's clock (one clock for
 * all instances); a burst at a window's edge may pass up to twice the limit within one window's length,
 * which these limits (cost and abuse protection) accept.
 *
 * <p>Run inside the command's transaction, a refused request rolls its increments back (only what was
 * accepted counts, and the counter row stays locked until commit); run on the pool (autocommit), every
 * attempt counts, which changes nothing for a fixed window: it ends when it ends.
 */
@Singleton
public class RateLimiter {

    /** A limit: at most {@code max} hits per {@code window} in {@code bucket}; {@code what} names it in the 429. */
    public record Limit(String bucket, int max, Duration window, String what) {
    }

    /** Buckets in a fixed order (their names), so two requests sharing buckets lock them in the same order. */
    static final String HIT = """
            INSERT INTO rate_limit_counters AS r (bucket, window_start, hits, expires_at)
            SELECT b.bucket, w.start, 1, w.start + b.seconds * interval '1 second'
            FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS b(bucket, seconds, n)
            CROSS JOIN LATERAL (
                SELECT to_timestamp(floor(extract(epoch FROM now()) / b.seconds) * b.seconds) AS start) w
            ORDER BY b.n
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + 1
            RETURNING r.bucket, r.hits, ceil(extract(epoch FROM r.expires_at - now()))::int""";

    /**
     * Counts one hit in each limit's bucket; fails with 429 RATE_LIMITED (Retry-After: until the fullest
     * window ends) when any bucket went over its maximum.
     */
    public Uni<Void> hit(SqlClient client, List<Limit> limits) {
        List<Limit> ordered = limits.stream().sorted(Comparator.comparing(Limit::bucket)).toList();
        Tuple params = Tuple.of(ordered.stream().map(Limit::bucket).toArray(String[]::new),
                ordered.stream().map(limit -> (int) Math.max(1, limit.window().toSeconds())).toArray(Integer[]::new));
        return client.preparedQuery(HIT).execute(params).map(rows -> {
            Map<String, Limit> byBucket = new java.util.HashMap<>();
            ordered.forEach(limit -> byBucket.put(limit.bucket(), limit));
            ApiProblem refusal = null;
            long longestWait = 0;
            for (Row row : rows) {
                Limit limit = byBucket.get(row.getString(0));
                int waitSeconds = Math.max(1, row.getInteger(2));
                if (row.getInteger(1) > limit.max() && waitSeconds > longestWait) {
                    longestWait = waitSeconds;
                    refusal = new ApiProblem(ErrorCode.RATE_LIMITED,
                            "Too many " + limit.what() + ": at most " + limit.max() + " per " + describe(limit.window())
                                    + "; retry in " + waitSeconds + " s",
                            List.of(), Map.of("limit", limit.max()), Duration.ofSeconds(waitSeconds));
                }
            }
            if (refusal != null) {
                throw refusal;
            }
            return null;
        });
    }

    static String describe(Duration window) {
        if (window.toHours() > 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        if (window.toMinutes() > 0 && window.toSecondsPart() == 0) {
            return window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
        }
        return window.toSeconds() + " seconds";
    }
}
