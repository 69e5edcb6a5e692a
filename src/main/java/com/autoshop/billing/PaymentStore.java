package com.autoshop.billing;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.billing.dto.PaymentInput;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.db.Statement;
import com.autoshop.platform.idempotency.Answer;
import com.autoshop.platform.idempotency.Idempotency;
import com.autoshop.platform.idempotency.IdempotencyKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The SQL of payments. A payment or a void locks the appointment row first, then inserts the payment row,
 * recomputes paid_cents from all the appointment's payments, bumps the appointment's version, audits and
 * stores the Idempotency-Key answer, in one statement: paid is always the sum of the payments, and the
 * database refuses a paid amount above the total (appointments_paid_within_total). The write checks in its
 * own SQL what the service would check on the locked row, and writes nothing otherwise, so that the lock
 * and the write leave together ({@link com.autoshop.platform.db.PipelinedTransaction#runAtOnce}); the locked
 * row then says why nothing was written.
 */
@ApplicationScoped
public class PaymentStore {

    /** The appointment's status and balance, locked; whether the payment named by {@code $2} is one of its, a void, voided. */
    static final String LOCK = """
            SELECT a.status, a.total_cents - a.paid_cents, p.id IS NOT NULL, p.voids_payment_id IS NOT NULL,
                   EXISTS (SELECT 1 FROM payments v WHERE v.voids_payment_id = p.id)
            FROM appointments a
            LEFT JOIN payments p ON p.id = $2 AND p.appointment_id = a.id
            WHERE a.id = $1 AND a.deleted_at IS NULL
            FOR UPDATE OF a""";

    /**
     * A payment of $12 cents by $13, written only when the appointment takes it: live, neither cancelled nor a
     * no-show, owing at least that much, and the Idempotency-Key (if any) claimed by this transaction.
     */
    static final String RECORD = """
            WITH payment AS (
                INSERT INTO payments AS p (id, appointment_id, amount_cents, method, note, voids_payment_id, created_by)
                SELECT $7, a.id, $12, $13, $9, NULL, $10
                FROM appointments a
                WHERE a.id = $8 AND a.deleted_at IS NULL AND a.status NOT IN ('CANCELED', 'NO_SHOW')
                  AND a.total_cents - a.paid_cents >= $12 AND """ + Idempotency.claimedHere(1) + """

                RETURNING p AS row, p.amount_cents
            ), """;

    /**
     * The reversal of payment $12, written only when it is one of the live appointment's payments, not a void
     * and not voided yet, and the Idempotency-Key (if any) is claimed by this transaction.
     */
    static final String REVERSE = """
            WITH payment AS (
                INSERT INTO payments AS p (id, appointment_id, amount_cents, method, note, voids_payment_id, created_by)
                SELECT $7, o.appointment_id, -o.amount_cents, o.method, $9, o.id, $10
                FROM payments o JOIN appointments a ON a.id = o.appointment_id AND a.deleted_at IS NULL
                WHERE o.id = $12 AND o.appointment_id = $8 AND o.voids_payment_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM payments v WHERE v.voids_payment_id = o.id)
                  AND """ + Idempotency.claimedHere(1) + """

                RETURNING p AS row, p.amount_cents
            ), """;

    /**
     * What follows from the payment CTE of {@link #RECORD} or {@link #REVERSE}: paid, version, audit, the answer.
     * Both take $1..$6 for the key ({@link IdempotencyKey#bindAnswer}), then $7 the new row's id, $8 the
     * appointment, $9 the note, $10 the actor and $11 the audit action, then their own from $12.
     */
    static final String THEN = """
            paid AS (
                UPDATE appointments a
                SET paid_cents = (SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE appointment_id = $8)
                                 + payment.amount_cents,
                    version = a.version + 1, updated_at = now()
                FROM payment
                WHERE a.id = $8
                RETURNING a AS row
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $10, $11, 'payment', (p.row).id,
                       (SELECT payment_json(o)::jsonb FROM payments o WHERE o.id = (p.row).voids_payment_id),
                       payment_json(p.row)::jsonb || jsonb_build_object('appointment', appointment_balance_json(a.row)),
                       now()
                FROM payment p, paid a
            ), answer AS (
                SELECT (payment_json(p.row)::jsonb
                        || jsonb_build_object('appointment', appointment_balance_json(a.row)))::text AS body
                FROM payment p, paid a
            ), """ + Idempotency.storeAnswer("answer", 1) + """

            SELECT body FROM answer""";

    static final String LIST = """
            SELECT appointment_balance_json(a)::text, payment_json(x.row)::text, x.created_at, x.id
            FROM appointments a
            LEFT JOIN LATERAL (
                SELECT p AS row, p.created_at, p.id FROM payments p
                WHERE p.appointment_id = a.id AND ($2::timestamptz IS NULL OR (p.created_at, p.id) > ($2, $3::uuid))
                ORDER BY p.created_at, p.id
                LIMIT $4
            ) x ON true
            WHERE a.id = $1 AND a.deleted_at IS NULL
            ORDER BY x.created_at, x.id""";

    static final String ONE = """
            SELECT payment_json(p)::text
            FROM payments p JOIN appointments a ON a.id = p.appointment_id AND a.deleted_at IS NULL
            WHERE p.id = $2 AND p.appointment_id = $1""";

    private final Pool pool;

    public PaymentStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** The locked appointment; {@code payment} is null when no payment was asked for or it is not one of its. */
    record Locked(AppointmentStatus status, long balanceCents, Original payment) {
    }

    /** A payment one asks to void: whether it is itself a void, whether it was voided. */
    record Original(boolean isVoid, boolean voided) {
    }

    /** A page of payments (oldest first) with the appointment's balance figures. */
    record Listed(String appointment, Page<String> payments) {
    }

    Uni<Locked> lock(SqlConnection connection, UUID appointmentId, UUID paymentId) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(appointmentId, paymentId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            Original original = row.getBoolean(2) ? new Original(row.getBoolean(3), row.getBoolean(4)) : null;
            return new Locked(AppointmentStatus.valueOf(row.getString(0)), row.getLong(1), original);
        });
    }

    /** A payment, and everything that follows from it: its 201, or null when it was not written ({@link #RECORD}). */
    Statement<Answer> record(UUID id, UUID appointmentId, PaymentInput input, String actor, IdempotencyKey key) {
        return write(RECORD, id, appointmentId, input.note(), actor, "record-payment", key,
                params -> params.addLong(input.amountCents()).addString(input.method().json()));
    }

    /** The reversal of a payment, and what follows: its 201, or null when it was not written ({@link #REVERSE}). */
    Statement<Answer> reverse(UUID id, UUID appointmentId, UUID paymentId, String note, String actor,
            IdempotencyKey key) {
        return write(REVERSE, id, appointmentId, note, actor, "void-payment", key, params -> params.addUUID(paymentId));
    }

    private static Statement<Answer> write(String payment, UUID id, UUID appointmentId, String note, String actor,
            String action, IdempotencyKey key, UnaryOperator<Tuple> specific) {
        String location = "appointments/" + appointmentId + "/payments/" + id;
        Tuple params = key.bindAnswer(Tuple.tuple(), 201, location).addUUID(id).addUUID(appointmentId)
                .addString(note).addString(actor).addString(action);
        return new Statement<>(payment + THEN, specific.apply(params), rows -> rows.size() == 0 ? null
                : Answer.of(201, rows.iterator().next().getString(0), location));
    }

    /** Null when there is no such live appointment. */
    Uni<Listed> list(UUID appointmentId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.of(appointmentId,
                after.isEmpty() ? null : Times.utc(Cursor.instant(after.get(0))),
                after.isEmpty() ? null : Cursor.uuid(after.get(1)),
                limit + 1);
        return pool.preparedQuery(LIST).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            return new Listed(rows.iterator().next().getString(0), KeysetPage.ofChildren(rows, limit, 1, 2, 3));
        });
    }

    /** The payment of that appointment, or null. */
    Uni<String> one(UUID appointmentId, UUID paymentId) {
        return pool.preparedQuery(ONE).execute(Tuple.of(appointmentId, paymentId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }
}
