package com.autoshop.platform.limits;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fixed-window counters in PostgreSQL ({@code rate_limit_counters}), shared by every instance. A window
 * is aligned on the database clock (so instances with skewed clocks agree) and the counts of several
 * buckets move in one statement, in the order of their names, so that two requests sharing buckets
 * lock their rows in the same order.
 */
@ApplicationScoped
public class WindowCounter {

    static final String HIT_SQL = """
            INSERT INTO rate_limit_counters AS c (bucket, window_start, hits, expires_at)
            SELECT b.bucket, w.start, 1, w.start + make_interval(secs => b.seconds)
            FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS b(bucket, seconds, n)
            CROSS JOIN LATERAL (
                SELECT to_timestamp(floor(extract(epoch FROM now()) / b.seconds) * b.seconds) AS start) w
            ORDER BY b.n
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = c.hits + 1
            RETURNING c.bucket, c.window_start, c.hits, ceil(extract(epoch FROM c.expires_at - now()))::int""";

    static final String RELEASE_SQL = """
            WITH undone AS (
                UPDATE rate_limit_counters c SET hits = c.hits - 1
                FROM unnest($1::text[], $2::timestamptz[]) AS u(bucket, window_start)
                WHERE c.bucket = u.bucket AND c.window_start = u.window_start AND c.hits > 0
                  AND c.bucket <> ALL($3::text[])
                RETURNING 1
            )
            DELETE FROM rate_limit_counters WHERE bucket = ANY($3::text[])""";

    private final Pool pool;

    public WindowCounter(Pool pool) {
        this.pool = pool;
    }

    /** One bucket's count in the current window and the seconds until that window ends. */
    public record Count(String bucket, OffsetDateTime window, int hits, long secondsLeft) {
    }

    /** A bucket counted in windows of this length. */
    public record Bucket(String name, Duration window) {
    }

    /** Adds one hit to each bucket in the current window, on the pool; the counts after the hit. */
    public Uni<List<Count>> hit(List<String> buckets, Duration window) {
        return hit(pool, buckets.stream().map(name -> new Bucket(name, window)).toList());
    }

    /**
     * Adds one hit to each bucket in its current window, through {@code client} (inside a transaction
     * the row locks are held, and a rollback takes the hits back); the counts after the hit.
     */
    public Uni<List<Count>> hit(SqlClient client, List<Bucket> buckets) {
        List<Bucket> ordered = buckets.stream().sorted(Comparator.comparing(Bucket::name)).toList();
        Tuple params = Tuple.of(ordered.stream().map(Bucket::name).toArray(String[]::new),
                ordered.stream().map(b -> (int) Math.max(1, b.window().toSeconds())).toArray(Integer[]::new));
        return client.preparedQuery(HIT_SQL).execute(params).map(rows -> {
            List<Count> counts = new ArrayList<>(ordered.size());
            for (Row row : rows) {
                counts.add(new Count(row.getString(0), row.getOffsetDateTime(1), row.getInteger(2),
                        Math.max(1, row.getInteger(3))));
            }
            return counts;
        });
    }

    /**
     * Takes back the hits of {@code counts} (in the windows they were counted in) and clears the
     * {@code reset} buckets altogether, in one statement.
     */
    public Uni<Void> release(List<Count> counts, List<String> reset) {
        Tuple params = Tuple.of(
                counts.stream().map(Count::bucket).toArray(String[]::new),
                counts.stream().map(Count::window).toArray(OffsetDateTime[]::new),
                reset.toArray(String[]::new));
        return pool.preparedQuery(RELEASE_SQL).execute(params).replaceWithVoid();
    }

    /** Clears the buckets in every window. */
    public Uni<Void> reset(List<String> buckets) {
        return release(List.of(), buckets);
    }
}
