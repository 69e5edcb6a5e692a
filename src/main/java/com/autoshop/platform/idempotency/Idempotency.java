package com.autoshop.platform.idempotency;

import com.autoshop.platform.db.EarlyRelease;
import com.autoshop.platform.db.PipelinedTransaction;
import com.autoshop.platform.db.Statement;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} for commands: the same key with the same body gets the first answer again
 * (status, body, Location) and changes nothing; the same key with another body is 422.
 *
 * <p>How it holds under concurrency, with no extra round trip: the command's transaction first claims the
 * key ({@link #CLAIM}: an insert, or on conflict a no-op update that locks the existing row and returns
 * its latest committed values). The command's own write statement then stores its answer in that row
 * through the CTE of {@link #storeAnswer}, so the key, the change and the answer commit or roll back
 * together. A duplicate arriving while the first is running blocks in its claim on the first one's
 * uncommitted row; when the first commits it gets the stored answer and replays it, when the first rolls
 * back, or commits having changed nothing (a 409, say: its write let go of the claim), its claim goes through
 * and the command runs again. A committed key therefore always holds an answer; keys expire after the TTL (a claim on an expired key starts afresh) and
 * {@link com.autoshop.platform.data.ExpiryPurge} deletes them.
 */
@Singleton
public class Idempotency {

    /** [request fingerprint, stored status (null: the claim is ours), body, location]. */
    static final String CLAIM = """
            INSERT INTO idempotency_keys AS k (caller, method, path, key, request_hash, expires_at)
            VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 second')
            ON CONFLICT (caller, method, path, key) DO UPDATE SET
                request_hash  = CASE WHEN k.expires_at <= now() THEN excluded.request_hash ELSE k.request_hash END,
                status_code   = CASE WHEN k.expires_at <= now() THEN NULL ELSE k.status_code END,
                response_body = CASE WHEN k.expires_at <= now() THEN NULL ELSE k.response_body END,
                location      = CASE WHEN k.expires_at <= now() THEN NULL ELSE k.location END,
                created_at    = CASE WHEN k.expires_at <= now() THEN now() ELSE k.created_at END,
                expires_at    = CASE WHEN k.expires_at <= now() THEN excluded.expires_at ELSE k.expires_at END
            RETURNING k.request_hash, k.status_code, k.response_body, k.location""";

    /** Bodies are request records (their fields always in the same order); maps are sorted by key. */
    private final ObjectWriter canonical;
    private final long ttlSeconds;

    public Idempotency(ObjectMapper mapper, IdempotencyConfig config) {
        this.canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.ttlSeconds = config.ttl().toSeconds();
    }

    /**
     * The key of a request from its {@code Idempotency-Key} header (null: {@link IdempotencyKey#NONE}),
     * scoped to the caller, the method and the path; the body (as bound, after normalisation) is
     * fingerprinted as the JSON it binds to, so the same content in another layout is the same request.
     */
    public IdempotencyKey key(String header, String caller, String method, String path, Object body) {
        if (header == null) {
            return IdempotencyKey.NONE;
        }
        return IdempotencyKey.of(header, caller, method, path, fingerprint(body));
    }

    /**
     * Data-modifying CTEs for the command's write statement: {@code idempotent_answer} stores the {@code body}
     * column of the CTE {@code answerCte} as the answer of the claimed key; when that CTE is empty (the write
     * changed nothing), {@code idempotent_release} lets go of a claim this transaction made, so that a
     * transaction that commits without a change leaves no key without an answer. They take six parameters
     * from {@code $first}, bound by {@link IdempotencyKey#bindAnswer}; without a key they match no row.
     */
    public static String storeAnswer(String answerCte, int first) {
        return """
                idempotent_answer AS (
                    UPDATE idempotency_keys k SET status_code = $%1$d, response_body = x.body, location = $%2$d
                    FROM %3$s x
                    WHERE %4$s
                ), idempotent_release AS (
                    DELETE FROM idempotency_keys k
                    WHERE %4$s AND k.status_code IS NULL AND NOT EXISTS (SELECT 1 FROM %3$s)
                )""".formatted(first, first + 1, answerCte, theKey(first));
    }

    /**
     * A condition for the command's write, with the parameters of {@link #storeAnswer}: no key was sent, or
     * this transaction holds its claim. A claim without an answer is never committed, so one that is
     * visible here is this transaction's own; a repeat (the key holds an answer) writes nothing.
     */
    public static String claimedHere(int first) {
        return "($%d::text IS NULL OR EXISTS (SELECT 1 FROM idempotency_keys k WHERE %s AND k.status_code IS NULL))"
                .formatted(first + 5, theKey(first));
    }

    private static String theKey(int first) {
        return "k.caller = $%d AND k.method = $%d AND k.path = $%d AND k.key = $%d"
                .formatted(first + 2, first + 3, first + 4, first + 5);
    }

    /**
     * Runs {@code command} in one transaction, once per key: with a key, the key is claimed first, and a
     * repeat gets the stored answer instead of running the command. The command must store its answer with
     * {@link #storeAnswer} in its write statement. Its locks go before its WAL reaches the disk, its answer
     * once it has ({@link EarlyRelease}): a client left without an answer sends the request again, with its key.
     */
    public Uni<Answer> once(Pool pool, IdempotencyKey key, Function<SqlConnection, Uni<Answer>> command) {
        if (!key.isPresent()) {
            return EarlyRelease.withTransaction(pool, command);
        }
        return EarlyRelease.withTransaction(pool, connection -> claim(connection, key)
                .chain(stored -> stored != null ? Uni.createFrom().item(stored) : command.apply(connection)));
    }

    /**
     * {@link #once} in one round trip ({@link PipelinedTransaction#runAtOnce}): BEGIN, the key's claim, the
     * locking read {@code first}, the write {@code last} and COMMIT leave together, so no lock is held while
     * the service decides. {@code last} writes nothing unless what {@code first} locked allows it and the
     * key is claimed here ({@link #claimedHere}), and stores its answer ({@link #storeAnswer}); it answers
     * null when it wrote nothing. A repeat gets the stored answer, a write its own; when the write changed
     * nothing, {@code refusal} says why from what {@code first} read.
     */
    public <A> Uni<Answer> onceAtOnce(Pool pool, IdempotencyKey key, Function<SqlConnection, Uni<A>> first,
            Statement<Answer> last, Function<A, RuntimeException> refusal) {
        BiFunction<A, Answer, Answer> answer = (read, written) -> {
            if (written == null) {
                throw refusal.apply(read);
            }
            return written;
        };
        if (!key.isPresent()) {
            return PipelinedTransaction.runAtOnce(pool, first, last, answer);
        }
        return PipelinedTransaction.runAtOnce(pool,
                connection -> Uni.combine().all().unis(claim(connection, key), first.apply(connection)).asTuple(),
                last, (claimed, written) -> claimed.getItem1() != null ? claimed.getItem1()
                        : answer.apply(claimed.getItem2(), written));
    }

    /** The stored answer to replay, or null when the key is now claimed by this transaction. */
    private Uni<Answer> claim(SqlConnection connection, IdempotencyKey key) {
        Tuple params = Tuple.tuple().addString(key.caller()).addString(key.method()).addString(key.path())
                .addString(key.key()).addString(key.fingerprint()).addLong(ttlSeconds);
        return connection.preparedQuery(CLAIM).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            if (!key.fingerprint().equals(row.getString(0))) {
                throw new ApiProblem(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used with "
                        + "another request body; use a new key for a new request");
            }
            Integer status = row.getInteger(1);
            return status == null ? null : new Answer(status, row.getString(2), row.getString(3), true);
        });
    }

    String fingerprint(Object body) {
        try {
            byte[] canonicalBody = canonical.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request body", e);
        }
    }
}
