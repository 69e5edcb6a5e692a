package com.autoshop.platform.http;

import com.autoshop.platform.db.RequestStatements;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.UUID;
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
            rc.response().putHeader("Server-Timing", String.format(Locale.ROOT,
                    "db;dur=%.2f;desc=\"%d statements\"", statements.millis(), statements.count()));
        });
        rc.addEndHandler(v -> DistributionSummary.builder("http.server.sql.statements")
                .description("SQL statements sent per HTTP request")
                .tag("method", rc.request().method().name())
                .tag("uri", route(rc))
                .register(registry)
                .record(statements.count()));
        rc.next();
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
        return offered != null && SANE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
