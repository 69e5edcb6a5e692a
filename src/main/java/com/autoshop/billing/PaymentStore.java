package com.autoshop.billing;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.platform.data.Cursor;
import com.autoshop.platform.data.KeysetPage;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.data.Times;
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

/**
 * The SQL of payments. A payment or a void locks the appointment row first, then inserts the payment row,
 * recomputes paid_cents from all the appointment's payments, bumps the appointment's version, audits and
 * stores the Idempotency-Key answer, in one statement: paid is always the sum of the payments, and the
 * database refuses a paid amount above the total (appointments_paid_within_total).
 */
@ApplicationScoped
public class PaymentStore {

    /** The appointment's status and balance, locked; with the payment named by {@code $2} if it is one of its. */
    static final String LOCK = """
            SELECT a.status, a.total_cents - a.paid_cents, p.id, p.amount_cents, p.method, p.voids_payment_id,
                   EXISTS (SELECT 1 FROM payments v WHERE v.voids_payment_id = p.id)
            FROM appointments a
            LEFT JOIN payments p ON p.id = $2 AND p.appointment_id = a.id
            WHERE a.id = $1 AND a.deleted_at IS NULL
            FOR UPDATE OF a""";

    static final String INSERT = """
            WITH payment AS (
                INSERT INTO payments AS p (id, appointment_id, amount_cents, method, note, voids_payment_id, created_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                RETURNING p AS row, p.amount_cents
            ), paid AS (
                UPDATE appointments a
                SET paid_cents = (SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE appointment_id = $2)
                                 + (SELECT amount_cents FROM payment),
                    version = a.version + 1, updated_at = now()
                WHERE a.id = $2
                RETURNING a AS row
            ), audit AS (
                INSERT INTO audit_entries (id, actor, action, entity, entity_id, before, after, at)
                SELECT uuid_v7(), $7, $8, 'payment', (p.row).id,
                       (SELECT payment_json(o)::jsonb FROM payments o WHERE o.id = $6),
                       payment_json(p.row)::jsonb || jsonb_build_object('appointment', appointment_balance_json(a.row)),
                       now()
                FROM payment p, paid a
            ), answer AS (
                SELECT (payment_json(p.row)::jsonb
                        || jsonb_build_object('appointment', appointment_balance_json(a.row)))::text AS body
                FROM payment p, paid a
            ), """ + Idempotency.storeAnswer("answer", 9) + """

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

    /** A payment that may be voided: its amount and method, whether it is a void, whether it was voided. */
    record Original(UUID id, long amountCents, String method, boolean isVoid, boolean voided) {
    }

    record NewPayment(UUID id, UUID appointmentId, long amountCents, String method, String note, UUID voidsPaymentId) {
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
            Original original = row.getUUID(2) == null ? null
                    : new Original(row.getUUID(2), row.getLong(3), row.getString(4), row.getUUID(5) != null,
                            row.getBoolean(6));
            return new Locked(AppointmentStatus.valueOf(row.getString(0)), row.getLong(1), original);
        });
    }

    /** Writes the payment and everything that follows from it; answers the body of the 201. */
    Uni<String> insert(SqlConnection connection, NewPayment payment, String actor, String action, IdempotencyKey key,
            String location) {
        Tuple params = Tuple.tuple().addUUID(payment.id()).addUUID(payment.appointmentId())
                .addLong(payment.amountCents()).addString(payment.method()).addString(payment.note())
                .addUUID(payment.voidsPaymentId()).addString(actor).addString(action);
        return connection.preparedQuery(INSERT).execute(key.bindAnswer(params, 201, location))
                .map(rows -> rows.iterator().next().getString(0));
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
