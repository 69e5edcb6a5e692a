package com.autoshop.reporting;

import com.autoshop.platform.data.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The dashboard figures in one statement, rendered as JSON by PostgreSQL:
 * <ul>
 * <li>{@code jobsToday}: appointments starting today (shop time zone), cancelled and no-shows left out;</li>
 * <li>{@code carsOnPremises}: checked in and not checked out, now;</li>
 * <li>{@code byStatus}, {@code appointments}: appointments starting in [from, to), per status and in all;</li>
 * <li>{@code unpaid}: of the appointments starting in the range, what READY and COMPLETED ones still owe
 * (the work is done, so the money is due: the stored {@code due_cents}, V18) and how many owe something;</li>
 * <li>{@code outstanding}: the same over all time (what the shop is owed now), read through a partial index
 * of the appointments whose {@code due_cents} is above zero;</li>
 * <li>{@code collectedCents}: payments recorded in the range, voids subtracted.</li>
 * </ul>
 */
@ApplicationScoped
public class DashboardQuery {

    static final String SQL = """
            WITH per_status AS (
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status = 'SCHEDULED') AS scheduled,
                       count(*) FILTER (WHERE status = 'IN_PROGRESS') AS in_progress,
                       count(*) FILTER (WHERE status = 'READY') AS ready,
                       count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_show,
                       count(*) FILTER (WHERE status = 'CANCELED') AS canceled,
                       coalesce(sum(due_cents), 0) AS unpaid,
                       count(*) FILTER (WHERE due_cents > 0) AS unpaid_count
                FROM appointments
                WHERE deleted_at IS NULL AND starts_at >= $1 AND starts_at < $2
            ), owed AS (
                SELECT coalesce(sum(due_cents), 0) AS cents, count(*) AS appointments FROM appointments
                WHERE deleted_at IS NULL AND due_cents > 0
            )
            SELECT json_build_object(
                'from', iso($1), 'to', iso($2),
                'jobsToday', (SELECT count(*) FROM appointments
                              WHERE deleted_at IS NULL AND starts_at >= $3 AND starts_at < $4
                                AND status NOT IN ('CANCELED', 'NO_SHOW')),
                'carsOnPremises', (SELECT count(*) FROM appointments
                                   WHERE deleted_at IS NULL AND check_in_at IS NOT NULL AND check_out_at IS NULL),
                'appointments', s.total,
                'byStatus', json_build_object('SCHEDULED', s.scheduled, 'IN_PROGRESS', s.in_progress, 'READY', s.ready,
                                              'COMPLETED', s.completed, 'NO_SHOW', s.no_show, 'CANCELED', s.canceled),
                'unpaid', json_build_object('cents', s.unpaid, 'appointments', s.unpaid_count),
                'outstanding', json_build_object('cents', o.cents, 'appointments', o.appointments),
                'collectedCents', (SELECT coalesce(sum(amount_cents), 0) FROM payments
                                   WHERE created_at >= $1 AND created_at < $2),
                'computedAt', iso(now()))::text
            FROM per_status s, owed o""";

    private final Pool pool;

    public DashboardQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<String> load(Instant from, Instant to, Instant todayStart, Instant todayEnd) {
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(Times.utc(from), Times.utc(to), Times.utc(todayStart), Times.utc(todayEnd)))
                .map(rows -> rows.iterator().next().getString(0));
    }
}
