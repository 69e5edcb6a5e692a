package com.autoshop.reporting;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.platform.csv.Csv;
import com.autoshop.platform.data.QueryStream;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.limits.RateLimiter;
import com.autoshop.platform.limits.RateLimiter.Limit;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * CSV exports streamed from a database cursor: rows are read {@code fetch-size} at a time as the client
 * takes them, turned into CSV and written in chunks, so memory stays constant whatever the size. Each export
 * counts against the caller's hourly limit (in PostgreSQL, so for all instances) before it starts.
 */
@ApplicationScoped
public class CsvExports {

    static final String[] APPOINTMENT_COLUMNS = { "id", "status", "startsAt", "endsAt", "totalCents", "paidCents",
            "customerName", "customerEmail", "customerPhone", "vehicleYear", "vehicleMake", "vehicleModel",
            "vehicleVin", "services" };
    static final String[] PAYMENT_COLUMNS = { "id", "appointmentId", "amountCents", "method", "note", "createdAt",
            "createdBy" };

    /** Live appointments starting in the range, in start order; services are the line names joined by "; ". */
    static final String APPOINTMENTS_SQL = """
            SELECT a.id, a.status, iso(a.starts_at), iso(a.ends_at), a.total_cents, a.paid_cents,
                   c.name, c.email, c.phone, v.year, v.make, v.model, v.vin,
                   (SELECT string_agg(s.name, '; ' ORDER BY s.created_at, s.id)
                    FROM appointment_services s WHERE s.appointment_id = a.id)
            FROM appointments a
            JOIN customers c ON c.id = a.customer_id
            JOIN vehicles v ON v.id = a.vehicle_id
            WHERE a.deleted_at IS NULL
              AND a.starts_at >= coalesce($1::timestamptz, '-infinity') AND a.starts_at < coalesce($2::timestamptz, 'infinity')
              AND ($3::text[] IS NULL OR a.status = ANY($3))
            ORDER BY a.starts_at, a.id""";

    /** Payments (voids included, as negative rows) recorded in the range, in the order they were made. */
    static final String PAYMENTS_SQL = """
            SELECT p.id, p.appointment_id, p.amount_cents, p.method, p.note, iso(p.created_at), p.created_by
            FROM payments p
            WHERE p.created_at >= coalesce($1::timestamptz, '-infinity') AND p.created_at < coalesce($2::timestamptz, 'infinity')
            ORDER BY p.created_at, p.id""";

    private final Pool pool;
    private final RateLimiter limiter;
    private final ReportsConfig config;
    private final AtomicInteger running = new AtomicInteger();

    public CsvExports(Pool pool, RateLimiter limiter, ReportsConfig config) {
        this.pool = pool;
        this.limiter = limiter;
        this.config = config;
    }

    public Multi<Buffer> appointments(String caller, Instant from, Instant to, Set<AppointmentStatus> statuses) {
        String[] statusNames = statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
        Tuple params = Tuple.of(Times.utc(from), Times.utc(to), statusNames);
        return export(caller, APPOINTMENTS_SQL, params, APPOINTMENT_COLUMNS, (row, csv) -> csv
                .value(row.getUUID(0).toString()).value(row.getString(1)).value(row.getString(2)).value(row.getString(3))
                .number(row.getLong(4)).number(row.getLong(5))
                .text(row.getString(6)).text(row.getString(7)).value(row.getString(8))
                .number(row.getValue(9) == null ? null : row.getLong(9)).text(row.getString(10)).text(row.getString(11))
                .value(row.getString(12)).text(row.getString(13)));
    }

    public Multi<Buffer> payments(String caller, Instant from, Instant to) {
        Tuple params = Tuple.of(Times.utc(from), Times.utc(to));
        return export(caller, PAYMENTS_SQL, params, PAYMENT_COLUMNS, (row, csv) -> csv
                .value(row.getUUID(0).toString()).value(row.getUUID(1).toString()).number(row.getLong(2))
                .value(row.getString(3)).text(row.getString(4)).value(row.getString(5)).value(row.getString(6)));
    }

    /**
     * The header and the rows as CSV chunks. Nothing is written before the limits passed and the cursor is
     * open, so a refusal or a database failure is still an ordinary problem+json answer.
     */
    private Multi<Buffer> export(String caller, String sql, Tuple params, String[] columns,
            BiConsumer<Row, Csv> record) {
        int chunkRows = config.fetchSize();
        return Multi.createFrom().deferred(() -> {
            if (running.incrementAndGet() > config.maxConcurrent()) {
                running.decrementAndGet();
                throw new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE, "Too many exports are running; retry shortly",
                        List.of(), Map.of(), Duration.ofSeconds(5));
            }
            Limit limit = new Limit("exports:" + caller, config.exportsPerHour(), Duration.ofHours(1), "exports");
            return limiter.hit(pool, List.of(limit))
                    .onItem().transformToMulti(ignored -> QueryStream.rows(pool, sql, params,
                            config.fetchSize(), rows -> Multi.createBy().concatenating().streams(
                                    Multi.createFrom().item(Buffer.buffer(Csv.header(columns))),
                                    rows.group().intoLists().of(chunkRows).map(chunk -> {
                                        Csv csv = new Csv(chunk.size() * 160);
                                        for (Row row : chunk) {
                                            record.accept(row, csv);
                                            csv.endRecord();
                                        }
                                        return Buffer.buffer(csv.toString());
                                    }))))
                    .onTermination().invoke(running::decrementAndGet);
        });
    }
}
