package com.autoshop.platform.http;

import com.autoshop.platform.db.RequestStatements;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Runs first on every HTTP request: gives it a request id (kept from {@code X-Request-Id} when the
 * caller sent a sane one), starts its statement count, and on the way out reports the count in
 * {@code Server-Timing} and in the {@code http.server.sql.statements} metric.
 */
@Singleton
public class RequestTelemetry {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final MeterRegistry registry;
    /** The meters by method and route: looking one up in the registry sorts and compares its tags. */
    private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

    public RequestTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private void handle(RoutingContext rc) {
        String requestId = requestId(rc.request().getHeader(REQUEST_ID));
        rc.put(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);
        RequestStatements statements = RequestStatements.begin();
        rc.addHeadersEndHandler(v -> {
            rc.response().putHeader(REQUEST_ID, requestId);
            rc.response().putHeader("Server-Timing", serverTiming(statements.millis(), statements.count()));
        });
        rc.addEndHandler(v -> statementsPerRequest(rc.request().method().name(), route(rc)).record(statements.count()));
        rc.next();
    }

    private DistributionSummary statementsPerRequest(String method, String uri) {
        return summaries.computeIfAbsent(method + ' ' + uri, key -> DistributionSummary.builder("http.server.sql.statements")
                .description("SQL statements sent per HTTP request")
                .tag("method", method)
                .tag("uri", uri)
                .register(registry));
    }

    /** {@code db;dur=1.25;desc="3 statements"}, without String.format's parsing on every response. */
    static String serverTiming(double millis, long count) {
        long hundredths = Math.round(millis * 100);
        long fraction = hundredths % 100;
        return "db;dur=" + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction + ";desc=\"" + count + " statements\"";
    }

    static String route(RoutingContext rc) {
        Object template = ((HttpServerRequestInternal) rc.request()).context().getLocal(RequestStatements.PATH_TEMPLATE);
        if (template != null) {
            return template.toString();
        }
        return rc.response().getStatusCode() == 404 ? "NOT_FOUND" : "other";
    }

    public static String requestId(RoutingContext rc) {
        String id = rc == null ? null : rc.get(REQUEST_ID);
        return id == null ? "none" : id;
    }

    private static String requestId(String offered) {
        return offered != null && SANE_ID.matcher(offered).matches() ? offered : randomId();
    }

    /** A version 4 UUID: a request id must be unique, not unguessable, so no SecureRandom (and its lock). */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48;
        return new UUID(high, low).toString();
    }
}
