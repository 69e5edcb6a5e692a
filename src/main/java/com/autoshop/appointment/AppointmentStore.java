package com.autoshop.appointment;

import com.autoshop.platform.data.Times;
import com.autoshop.platform.db.Statement;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.time.ShopClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of appointment changes. Cards are ordered by {@code position} within a column, a column being
 * one status on one shop day; positions stay dense (0..n-1). Changes to a day's columns are serialised
 * by a transaction-scoped advisory lock on that day, taken by the first statement of the change, so the
 * second statement sees every committed card of the day and can shift positions without gaps or ties.
 */
@ApplicationScoped
public class AppointmentStore {

    /** Advisory-lock namespace of board days; the second key is the shop day as days since 1970-01-01. */
    static final int BOARD_LOCK = 4201;

    static final String LOCK_DAY = "SELECT pg_advisory_xact_lock($1, $2)";

    /**
     * The day's board lock is taken (in the CTE) before the row lock, never after: a change holding a
     * day's lock shifts positions of that day's other rows, so a waiter must not hold one of them. The
     * day locked is kept in the transaction's {@code autoshop.locked_day} for a write sent with it ({@link #MOVE}).
     */
    static final String LOCK_FOR_CHANGE = """
            WITH day_lock AS MATERIALIZED (
                SELECT (starts_at AT TIME ZONE $3)::date - DATE '1970-01-01' AS day,
                       pg_advisory_xact_lock($2, ((starts_at AT TIME ZONE $3)::date - DATE '1970-01-01')),
                       set_config('autoshop.locked_day', ((starts_at AT TIME ZONE $3)::date - DATE '1970-01-01')::text, true)
                FROM appointments WHERE id = $1 AND deleted_at IS NULL
            )
            SELECT a.id, a.customer_id, a.vehicle_id, a.technician_id, a.status, a.starts_at, a.ends_at, a.title, a.notes,
                   a.position, a.total_cents, a.paid_cents, a.check_in_at, a.check_out_at, a.started_at, a.completed_at,
                   a.deleted_at, a.version, day_lock.day AS locked_day,
                   (a.starts_at AT TIME ZONE $3)::date - DATE '1970-01-01' AS day
            FROM day_lock, appointments a
            WHERE a.id = $1 AND a.deleted_at IS NULL
            FOR UPDATE OF a""";

    static final String INSERT = """
            WITH owner AS (
                SELECT v.id FROM vehicles v JOIN customers c ON c.id = v.customer_id AND c.deleted_at IS NULL
                WHERE v.id = $3 AND v.customer_id = $2 AND v.deleted_at IS NULL
            ), technician AS (
                SELECT 1 WHERE $4::uuid IS NULL OR EXISTS (SELECT 1 FROM technicians t WHERE t.id = $4 AND t.active)
            ), items AS (
                SELECT * FROM unnest($9::uuid[], $10::text[], $11::bigint[], $12::numeric[], $13::text[], $14::text[])
                    AS i(id, name, price_cents, estimated_hours, category, notes)
            ), created AS (
                INSERT INTO appointments AS a (id, customer_id, vehicle_id, technician_id, status, starts_at, ends_at,
                                               title, notes, position, total_cents)
                SELECT $1, $2, $3, $4, 'SCHEDULED', $5, $6, $7, $8,
                       (SELECT count(*) FROM appointments x
                        WHERE x.deleted_at IS NULL AND x.status = 'SCHEDULED' AND x.starts_at >= $15 AND x.starts_at < $16),
                       (SELECT coalesce(sum(price_cents), 0) FROM items)
                FROM owner, technician
                RETURNING a AS row, a.id
            ), lines AS (
                INSERT INTO appointment_services AS s (id, appointment_id, name, price_cents, estimated_hours, category, notes)
                SELECT i.id, c.id, i.name, i.price_cents, i.estimated_hours, i.category, i.notes
                FROM created c, items i
                RETURNING s AS row
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $17, 'create', 'appointment', c.id, NULL,
                       appointment_json(c.row)::jsonb || jsonb_build_object('services',
                           (SELECT coalesce(json_agg(line_item_json(l.row)), '[]') FROM lines l)), now()
                FROM created c
            )
            SELECT appointment_json(c.row)::text,
                   (SELECT coalesce(json_agg(line_item_json(l.row) ORDER BY (l.row).created_at, (l.row).id), '[]')::text
                    FROM lines l)
            FROM created c""";

    /** Why a create inserted nothing: each reference checked, for a 400 naming the field. */
    static final String MISSING_REFERENCES = """
            SELECT EXISTS (SELECT 1 FROM customers WHERE id = $1 AND deleted_at IS NULL),
                   EXISTS (SELECT 1 FROM vehicles WHERE id = $2 AND customer_id = $1 AND deleted_at IS NULL),
                   $3::uuid IS NULL OR EXISTS (SELECT 1 FROM technicians WHERE id = $3 AND active)""";

    static final String CONFLICTS = """
            SELECT id FROM appointments
            WHERE deleted_at IS NULL AND status NOT IN ('CANCELED', 'NO_SHOW') AND id <> $5
              AND tstzrange(starts_at, ends_at) && tstzrange($1, $2)
              AND (vehicle_id = $3 OR technician_id = $4)
            ORDER BY starts_at""";

    static final String UPDATE = """
            WITH old AS (
                SELECT a AS row, a.id, a.status, a.position, a.customer_id, a.vehicle_id, a.technician_id,
                       (a.starts_at AT TIME ZONE $15)::date AS day
                FROM appointments a WHERE a.id = $1
            ), next AS (
                -- empty when a new vehicle is not the customer's or a new technician is not active: nothing changes then
                SELECT $2::text AS status, ($6::timestamptz AT TIME ZONE $15)::date AS day, $14::timestamptz IS NOT NULL AS removed
                FROM old o
                WHERE ($5 = o.vehicle_id OR EXISTS (SELECT 1 FROM vehicles v
                                                    WHERE v.id = $5 AND v.customer_id = o.customer_id AND v.deleted_at IS NULL))
                  AND ($4::uuid IS NOT DISTINCT FROM o.technician_id
                       OR EXISTS (SELECT 1 FROM technicians t WHERE t.id = $4 AND t.active))
            ), column_change AS (
                SELECT NOT (o.status = n.status AND o.day = n.day AND NOT n.removed) AS moved FROM old o, next n
            ), size AS (
                -- the cards of the destination column, counted only as far as the position asked for needs; the
                -- day's bounds are parameters ($18, $19) so that every plan reads them from the index (bounds
                -- derived in SQL let a custom plan for a small LIMIT scan the table until it met the column)
                SELECT count(*) AS cards FROM (
                    SELECT 1 FROM appointments x, old o, next n
                    WHERE x.deleted_at IS NULL AND x.id <> o.id AND x.status = n.status AND x.starts_at >= $18 AND x.starts_at < $19
                    LIMIT $3
                ) column_cards
            ), destination AS (
                SELECT CASE WHEN n.removed THEN 0 ELSE least(coalesce($3, s.cards), s.cards) END AS position
                FROM size s, next n
            ), closed_gap AS (
                UPDATE appointments x SET position = x.position - 1
                FROM old o, column_change cc
                WHERE cc.moved AND x.deleted_at IS NULL AND x.id <> o.id AND x.status = o.status AND x.position > o.position
                  AND x.starts_at >= o.day::timestamp AT TIME ZONE $15 AND x.starts_at < (o.day + 1)::timestamp AT TIME ZONE $15
            ), made_room AS (
                UPDATE appointments x
                SET position = x.position + CASE WHEN NOT cc.moved AND d.position > o.position THEN -1 ELSE 1 END
                FROM old o, next n, destination d, column_change cc
                WHERE NOT n.removed AND x.deleted_at IS NULL AND x.id <> o.id AND x.status = n.status
                  AND x.starts_at >= $18 AND x.starts_at < $19
                  AND CASE WHEN cc.moved THEN x.position >= d.position
                           WHEN d.position > o.position THEN x.position > o.position AND x.position <= d.position
                           ELSE x.position >= d.position AND x.position < o.position END
            ), changed AS (
                UPDATE appointments a
                SET status = $2, position = d.position, technician_id = $4, vehicle_id = $5, starts_at = $6, ends_at = $7,
                    title = $8, notes = $9, check_in_at = $10, check_out_at = $11, started_at = $12, completed_at = $13,
                    deleted_at = $14, version = a.version + 1, updated_at = now()
                FROM destination d
                WHERE a.id = $1
                RETURNING a AS row
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $16, $17, 'appointment', $1, appointment_json(o.row)::jsonb, appointment_json(c.row)::jsonb, now()
                FROM old o, changed c
            )
            SELECT appointment_json(c.row)::text, (c.row).version FROM changed c""";

    /** The start and the end of the day whose board lock {@link #LOCK_FOR_CHANGE} took in this transaction; null without one. */
    private static final String LOCKED_DAY_START =
            "(DATE '1970-01-01' + nullif(current_setting('autoshop.locked_day', true), '')::int)::timestamp AT TIME ZONE $5";
    private static final String LOCKED_DAY_END =
            "(DATE '1970-01-01' + nullif(current_setting('autoshop.locked_day', true), '')::int + 1)::timestamp AT TIME ZONE $5";

    /**
     * A board move sent with {@link #LOCK_FOR_CHANGE}, before its answer: it moves the card only if it still
     * has the version the client read ($4), is in a status it may leave for the new one ($6) and lies on the
     * day whose lock was taken, and changes nothing otherwise. Status, place, version and a transition's
     * timestamp change ($7 the time); the card stays on its day, so both columns are that day's, whose bounds
     * the plans read from the index like parameters ({@link #UPDATE} explains why they must).
     */
    static final String MOVE = """
            WITH old AS (
                SELECT a AS row, a.id, a.status, a.position
                FROM appointments a
                WHERE a.id = $1 AND a.deleted_at IS NULL AND a.version = $4 AND a.status = ANY ($6::text[])
                  AND a.starts_at >= %1$s AND a.starts_at < %2$s
            ), size AS (
                SELECT count(*) AS cards FROM (
                    SELECT 1 FROM appointments x, old o
                    WHERE x.deleted_at IS NULL AND x.id <> o.id AND x.status = $2 AND x.starts_at >= %1$s AND x.starts_at < %2$s
                    LIMIT $3
                ) column_cards
            ), destination AS (
                SELECT least(coalesce($3, s.cards), s.cards) AS position FROM size s
            ), closed_gap AS (
                UPDATE appointments x SET position = x.position - 1
                FROM old o
                WHERE o.status <> $2 AND x.deleted_at IS NULL AND x.id <> o.id AND x.status = o.status AND x.position > o.position
                  AND x.starts_at >= %1$s AND x.starts_at < %2$s
            ), made_room AS (
                UPDATE appointments x
                SET position = x.position + CASE WHEN o.status = $2 AND d.position > o.position THEN -1 ELSE 1 END
                FROM old o, destination d
                WHERE x.deleted_at IS NULL AND x.id <> o.id AND x.status = $2 AND x.starts_at >= %1$s AND x.starts_at < %2$s
                  AND CASE WHEN o.status <> $2 THEN x.position >= d.position
                           WHEN d.position > o.position THEN x.position > o.position AND x.position <= d.position
                           ELSE x.position >= d.position AND x.position < o.position END
            ), changed AS (
                UPDATE appointments a
                SET status = $2, position = d.position, version = a.version + 1, updated_at = now(),
                    started_at = CASE WHEN $2 = 'IN_PROGRESS' THEN coalesce(a.started_at, $7) ELSE a.started_at END,
                    completed_at = CASE WHEN $2 = 'COMPLETED' THEN coalesce(a.completed_at, $7) ELSE a.completed_at END
                FROM old o, destination d
                WHERE a.id = o.id
                RETURNING a AS row
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $8, 'move', 'appointment', $1, appointment_json(o.row)::jsonb, appointment_json(c.row)::jsonb, now()
                FROM old o, changed c
            )
            SELECT appointment_json(c.row)::text, (c.row).version FROM changed c""".formatted(LOCKED_DAY_START, LOCKED_DAY_END);

    private final Pool pool;
    private final ShopClock clock;

    public AppointmentStore(Pool pool, ShopClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Pool pool() {
        return pool;
    }

    /** The live appointment, row-locked, with its day's board lock held; null when there is none. */
    Uni<AppointmentRow> lockForChange(SqlConnection connection, UUID id) {
        Tuple params = Tuple.of(id, BOARD_LOCK, clock.zone().getId());
        return connection.preparedQuery(LOCK_FOR_CHANGE).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            if (row.getInteger("locked_day").intValue() != row.getInteger("day").intValue()) {
                // moved to another day by a change that committed while this one waited for the lock
                throw new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE, "The appointment changed meanwhile; retry",
                        List.of(), Map.of(), Duration.ofSeconds(1));
            }
            return AppointmentRow.of(row);
        });
    }

    Uni<Void> lockDay(SqlConnection connection, long epochDay) {
        return connection.preparedQuery(LOCK_DAY).execute(Tuple.of(BOARD_LOCK, (int) epochDay)).replaceWithVoid();
    }

    /** An appointment as written: its JSON and its new version (the ETag). */
    public record Written(String json, long version) {
    }

    public record NewAppointment(UUID id, UUID customerId, UUID vehicleId, UUID technicianId, Instant startsAt,
            Instant endsAt, String title, String notes, List<NewLine> lines, Instant dayStart, Instant dayEnd) {
    }

    public record NewLine(UUID id, String name, long priceCents, java.math.BigDecimal estimatedHours, String category,
            String notes) {
    }

    /** The created appointment and its services as JSON text, or null when a reference did not hold. */
    Statement<String[]> insert(NewAppointment a, String actor) {
        List<NewLine> lines = a.lines();
        Tuple params = Tuple.tuple()
                .addUUID(a.id()).addUUID(a.customerId()).addUUID(a.vehicleId()).addUUID(a.technicianId())
                .addOffsetDateTime(Times.utc(a.startsAt())).addOffsetDateTime(Times.utc(a.endsAt()))
                .addString(a.title()).addString(a.notes())
                .addArrayOfUUID(lines.stream().map(NewLine::id).toArray(UUID[]::new))
                .addArrayOfString(lines.stream().map(NewLine::name).toArray(String[]::new))
                .addArrayOfLong(lines.stream().map(NewLine::priceCents).toArray(Long[]::new))
                .addArrayOfBigDecimal(lines.stream().map(NewLine::estimatedHours).toArray(java.math.BigDecimal[]::new))
                .addArrayOfString(lines.stream().map(NewLine::category).toArray(String[]::new))
                .addArrayOfString(lines.stream().map(NewLine::notes).toArray(String[]::new))
                .addOffsetDateTime(Times.utc(a.dayStart())).addOffsetDateTime(Times.utc(a.dayEnd()))
                .addString(actor);
        return new Statement<>(INSERT, params, rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new String[] { row.getString(0), row.getString(1) };
        });
    }

    /**
     * Writes {@code next} over the locked row: fields, status, the card's slot ({@code position} null = end
     * of its column), version + 1, and the audit entry, in one statement. Answers the JSON, or null when a
     * changed vehicle or technician did not qualify (nothing was written then).
     */
    Statement<Written> update(AppointmentRow next, Integer position, String actor, String action) {
        LocalDate day = clock.dayOf(next.startsAt());
        Tuple params = Tuple.tuple()
                .addUUID(next.id()).addString(next.status().name()).addInteger(position)
                .addUUID(next.technicianId()).addUUID(next.vehicleId())
                .addOffsetDateTime(Times.utc(next.startsAt())).addOffsetDateTime(Times.utc(next.endsAt()))
                .addString(next.title()).addString(next.notes())
                .addOffsetDateTime(Times.utc(next.checkInAt())).addOffsetDateTime(Times.utc(next.checkOutAt()))
                .addOffsetDateTime(Times.utc(next.startedAt())).addOffsetDateTime(Times.utc(next.completedAt()))
                .addOffsetDateTime(Times.utc(next.deletedAt()))
                .addString(clock.zone().getId()).addString(actor).addString(action)
                .addOffsetDateTime(Times.utc(clock.startOf(day))).addOffsetDateTime(Times.utc(clock.startOf(day.plusDays(1))));
        return new Statement<>(UPDATE, params, rows -> rows.size() == 0 ? null : written(rows.iterator().next()));
    }

    /**
     * The board move of {@link #MOVE}, to send with the locking read: the JSON written, or null when the card
     * did not qualify (nothing was written then).
     */
    Statement<Written> move(UUID id, AppointmentStatus status, int position, long version,
            Collection<AppointmentStatus> leavable, Instant now, String actor) {
        Tuple params = Tuple.tuple()
                .addUUID(id).addString(status.name()).addInteger(position).addLong(version)
                .addString(clock.zone().getId())
                .addArrayOfString(leavable.stream().map(AppointmentStatus::name).toArray(String[]::new))
                .addOffsetDateTime(Times.utc(now)).addString(actor);
        return new Statement<>(MOVE, params, rows -> rows.size() == 0 ? null : written(rows.iterator().next()));
    }

    /** The appointment as it stands, for a command that had nothing to change. */
    Statement<Written> current(UUID id) {
        return new Statement<>("SELECT appointment_json(a)::text, a.version FROM appointments a WHERE a.id = $1",
                Tuple.of(id), rows -> written(rows.iterator().next()));
    }

    private static Written written(Row row) {
        return new Written(row.getString(0), row.getLong(1));
    }

    /** The live appointments a slot collides with (for the 409 that names them); run outside the failed transaction. */
    Uni<List<UUID>> conflicts(Instant startsAt, Instant endsAt, UUID vehicleId, UUID technicianId, UUID except) {
        return pool.preparedQuery(CONFLICTS)
                .execute(Tuple.of(Times.utc(startsAt), Times.utc(endsAt), vehicleId, technicianId, except))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }

    /** [customer live, vehicle belongs to it, technician active or none]. */
    Uni<boolean[]> missingReferences(UUID customerId, UUID vehicleId, UUID technicianId) {
        return pool.preparedQuery(MISSING_REFERENCES).execute(Tuple.of(customerId, vehicleId, technicianId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new boolean[] { row.getBoolean(0), row.getBoolean(1), row.getBoolean(2) };
                });
    }
}
