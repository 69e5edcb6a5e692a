package com.autoshop.platform.limits;

import com.autoshop.platform.limits.WindowCounter.Bucket;
import com.autoshop.platform.limits.WindowCounter.Count;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window rate limits shared by every instance, on {@link WindowCounter}: one counter row per
 * (bucket, window) in PostgreSQL, incremented by one atomic statement for all the limits of a request. The row lock serialises concurrent
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

    private final WindowCounter counter;

    public RateLimiter(WindowCounter counter) {
        this.counter = counter;
    }

    /**
     * Counts one hit in each limit's bucket; fails with 429 RATE_LIMITED (Retry-After: until the fullest
     * window ends) when any bucket went over its maximum.
     */
    public Uni<Void> hit(SqlClient client, List<Limit> limits) {
        Map<String, Limit> byBucket = new HashMap<>();
        limits.forEach(limit -> byBucket.put(limit.bucket(), limit));
        List<Bucket> buckets = limits.stream().map(limit -> new Bucket(limit.bucket(), limit.window())).toList();
        return counter.hit(client, buckets).map(counts -> {
            ApiProblem refusal = null;
            long longestWait = 0;
            for (Count count : counts) {
                Limit limit = byBucket.get(count.bucket());
                if (count.hits() > limit.max() && count.secondsLeft() > longestWait) {
                    longestWait = count.secondsLeft();
                    refusal = new ApiProblem(ErrorCode.RATE_LIMITED,
                            "Too many " + limit.what() + ": at most " + limit.max() + " per " + describe(limit.window())
                                    + "; retry in " + longestWait + " s",
                            List.of(), Map.of("limit", limit.max()), Duration.ofSeconds(longestWait));
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
