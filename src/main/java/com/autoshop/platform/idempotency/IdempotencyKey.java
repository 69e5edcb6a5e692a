package com.autoshop.platform.idempotency;

import com.autoshop.platform.problem.ApiProblem;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of one request, scoped to (caller, method, path), with the fingerprint of
 * its body. {@link #NONE} stands for a request sent without the header: nothing is claimed or stored then.
 */
public record IdempotencyKey(String caller, String method, String path, String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    public static final IdempotencyKey NONE = new IdempotencyKey(null, null, null, null, null);

    /** Visible ASCII, 1 to 200 characters: UUIDs, ULIDs and the usual client-made keys. */
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    static IdempotencyKey of(String header, String caller, String method, String path, String fingerprint) {
        if (header == null) {
            return NONE;
        }
        String key = header.strip();
        if (!SANE.matcher(key).matches()) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 200 visible ASCII characters (a UUID, say)");
        }
        return new IdempotencyKey(caller, method, path, key, fingerprint);
    }

    public boolean isPresent() {
        return key != null;
    }

    /**
     * Binds the parameters of {@link Idempotency#storeAnswer}: the answer's status and Location, then the
     * key's scope (nulls for {@link #NONE}, which match no row).
     */
    public Tuple bindAnswer(Tuple tuple, int status, String location) {
        return tuple.addInteger(status).addString(location).addString(caller).addString(method).addString(path)
                .addString(key);
    }
}
