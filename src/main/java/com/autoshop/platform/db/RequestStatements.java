package com.autoshop.platform.db;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL statements one HTTP request has sent, kept in the request's duplicated Vert.x context
 * (so it needs no tracing and no sampling) and reported in {@code Server-Timing} and as a metric.
 */
public final class RequestStatements {

    private static final String KEY = "autoshop.request-statements";
    /** The context local Quarkus REST and Micrometer use for the matched path template. */
    public static final String PATH_TEMPLATE = "UrlPathTemplate";

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    /** Starts counting for the request running on the current duplicated context. */
    public static RequestStatements begin() {
        RequestStatements statements = new RequestStatements();
        ContextLocals.put(KEY, statements);
        return statements;
    }

    /** The counter of the request on the current context, if the caller runs inside a request. */
    public static Optional<RequestStatements> current() {
        Context context = Vertx.currentContext();
        if (context == null || !io.smallrye.common.vertx.VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.get(KEY);
    }

    void record(long elapsedNanos) {
        count.incrementAndGet();
        nanos.addAndGet(elapsedNanos);
    }

    public int count() {
        return count.get();
    }

    public double millis() {
        return nanos.get() / 1_000_000.0;
    }

    /** The route template of the request (set by Quarkus REST once a resource method matched). */
    public String route() {
        return ContextLocals.<Object>get(PATH_TEMPLATE).map(Object::toString).orElse("unmatched");
    }
}
