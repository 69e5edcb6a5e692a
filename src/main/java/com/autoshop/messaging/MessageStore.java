package com.autoshop.messaging;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of messages. The outbox is the queued rows: a message is written queued in the request's
 * transaction, and dispatchers on any instance claim due rows with {@code FOR UPDATE SKIP LOCKED},
 * marking them sending with a lease (next_attempt_at) so that a row whose dispatcher died is claimed
 * again once the lease ends. Each outcome is recorded only if the row is still the claim it was
 * (status sending, same attempt number).
 */
@ApplicationScoped
public class MessageStore {

    /** The customer of a live appointment: id, SMS consent, email, phone, whether soft-deleted. */
    static final String TARGET = """
            SELECT c.id, c.sms_consent, c.email, c.phone, c.deleted_at IS NOT NULL
            FROM appointments a JOIN customers c ON c.id = a.customer_id
            WHERE a.id = $1 AND a.deleted_at IS NULL""";

    static final String INSERT = """
            WITH message AS (
                INSERT INTO messages AS m (id, appointment_id, channel, direction, body, status, recipient, attempts,
                                           next_attempt_at, created_by)
                VALUES ($1, $2, $3, 'out', $4, 'queued', $5, 0, now(), $6)
                RETURNING m AS row
            ), answer AS (
                SELECT message_json(m.row)::text AS body FROM message m
            ), """ + Idempotency.storeAnswer("answer", 7) + """

            SELECT body FROM answer""";

    static final String LIST = """
            SELECT x.doc::text, x.created_at, x.id
            FROM appointments a
            LEFT JOIN LATERAL (
                SELECT message_json(m) AS doc, m.created_at, m.id FROM messages m
                WHERE m.appointment_id = a.id AND ($2::timestamptz IS NULL OR (m.created_at, m.id) < ($2, $3::uuid))
                ORDER BY m.created_at DESC, m.id DESC
                LIMIT $4
            ) x ON true
            WHERE a.id = $1 AND a.deleted_at IS NULL
            ORDER BY x.created_at DESC, x.id DESC""";

    static final String ONE = """
            SELECT message_json(m)::text
            FROM messages m JOIN appointments a ON a.id = m.appointment_id AND a.deleted_at IS NULL
            WHERE m.id = $2 AND m.appointment_id = $1""";

    /** Due outbound messages, claimed: sending, one more attempt, leased until now + $2 ms. */
    static final String CLAIM = """
            WITH due AS (
                SELECT m.id FROM messages m
                WHERE m.status IN ('queued', 'sending') AND m.next_attempt_at <= now() AND m.direction = 'out'
                ORDER BY m.next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE messages m
            SET status = 'sending', attempts = m.attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond',
                updated_at = now()
            FROM due, appointments a, customers c
            WHERE m.id = due.id AND a.id = m.appointment_id AND c.id = a.customer_id
            RETURNING m.id, m.channel, coalesce(m.recipient, CASE m.channel WHEN 'sms' THEN c.phone ELSE c.email END),
                      m.body, m.attempts, c.sms_consent""";

    /** The outcome of one attempt, if the row is still that claim; $6 null: no further attempt. */
    static final String RECORD = """
            UPDATE messages
            SET status = $3, provider_ref = coalesce($4, provider_ref), failure_reason = $5,
                sent_at = CASE WHEN $4::text IS NOT NULL THEN now() ELSE sent_at END,
                next_attempt_at = CASE WHEN $6::bigint IS NULL THEN NULL ELSE now() + $6 * interval '1 millisecond' END,
                updated_at = now()
            WHERE id = $1 AND status = 'sending' AND attempts = $2""";

    /**
     * A delivery receipt: [the status before, the provider's reference before, the message JSON after]. Queued
     * or sending messages take the reported outcome; a failed one may still be reported delivered (a late
     * receipt after a timeout); a receipt naming another provider reference than the message's changes nothing.
     */
    static final String RECEIPT = """
            WITH target AS (
                SELECT m.id, m.status, m.provider_ref FROM messages m
                WHERE m.id = $2 AND m.appointment_id = $1 AND m.direction = 'out'
                FOR UPDATE
            ), changed AS (
                UPDATE messages m
                SET status = $3,
                    failure_reason = CASE WHEN $3 = 'failed' THEN coalesce($4, 'reported failed by the provider') END,
                    provider_ref = coalesce($5, m.provider_ref), sent_at = coalesce(m.sent_at, now()),
                    next_attempt_at = NULL, updated_at = now()
                FROM target t
                WHERE m.id = t.id
                  AND ($5::text IS NULL OR t.provider_ref IS NULL OR t.provider_ref = $5)
                  AND (t.status IN ('queued', 'sending') OR (t.status = 'failed' AND $3 = 'delivered'))
                RETURNING m AS row
            )
            SELECT t.status, t.provider_ref,
                   coalesce((SELECT message_json(c.row) FROM changed c),
                            (SELECT message_json(m) FROM messages m WHERE m.id = t.id))::text
            FROM target t""";

    private final Pool pool;

    public MessageStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    record Target(UUID customerId, String smsConsent, String email, String phone, boolean customerDeleted) {
    }

    record NewMessage(UUID id, UUID appointmentId, Channel channel, String body, String recipient, String createdBy) {
    }

    /** A claimed message: what to send, which attempt this is, the customer's consent now. */
    record Claimed(UUID id, Channel channel, String recipient, String body, int attempt, String smsConsent) {
    }

    /** What became of an attempt: the new status, the provider's reference, the reason, when to try again. */
    record Outcome(String status, String providerRef, String failureReason, Duration retryIn) {
    }

    record Receipt(String previousStatus, String providerRef, String message) {
    }

    Uni<Target> target(SqlConnection connection, UUID appointmentId) {
        return connection.preparedQuery(TARGET).execute(Tuple.of(appointmentId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Target(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4));
        });
    }

    Uni<String> insert(SqlConnection connection, NewMessage message, IdempotencyKey key, String location) {
        Tuple params = Tuple.tuple().addUUID(message.id()).addUUID(message.appointmentId())
                .addString(message.channel().json()).addString(message.body()).addString(message.recipient())
                .addString(message.createdBy());
        return connection.preparedQuery(INSERT).execute(key.bindAnswer(params, 201, location))
                .map(rows -> rows.iterator().next().getString(0));
    }

    /** Newest first; null when there is no such live appointment. */
    Uni<Page<String>> list(UUID appointmentId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.of(appointmentId,
                after.isEmpty() ? null : Times.utc(Cursor.instant(after.get(0))),
                after.isEmpty() ? null : Cursor.uuid(after.get(1)),
                limit + 1);
        return pool.preparedQuery(LIST).execute(params)
                .map(rows -> rows.size() == 0 ? null : KeysetPage.ofChildren(rows, limit, 0, 1, 2));
    }

    Uni<String> one(UUID appointmentId, UUID messageId) {
        return pool.preparedQuery(ONE).execute(Tuple.of(appointmentId, messageId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    Uni<List<Claimed>> claim(int batch, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(batch, lease.toMillis())).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(new Claimed(row.getUUID(0), Channel.fromJson(row.getString(1)), row.getString(2),
                        row.getString(3), row.getInteger(4), row.getString(5)));
            }
            return claimed;
        });
    }

    /** Whether the outcome was recorded (false: the claim was lost, say to a receipt that came first). */
    Uni<Boolean> record(Claimed message, Outcome outcome) {
        Tuple params = Tuple.tuple().addUUID(message.id()).addInteger(message.attempt()).addString(outcome.status())
                .addString(outcome.providerRef()).addString(outcome.failureReason())
                .addLong(outcome.retryIn() == null ? null : outcome.retryIn().toMillis());
        return pool.preparedQuery(RECORD).execute(params).map(rows -> rows.rowCount() == 1);
    }

    /** Null when the appointment has no such outbound message. */
    Uni<Receipt> receipt(UUID appointmentId, UUID messageId, String status, String failureReason, String providerRef) {
        return pool.preparedQuery(RECEIPT).execute(Tuple.of(appointmentId, messageId, status, failureReason, providerRef))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Receipt(row.getString(0), row.getString(1), row.getString(2));
                });
    }
}
