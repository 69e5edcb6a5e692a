package com.autoshop.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Response headers every answer carries: {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer} everywhere, HSTS when the request came over TLS (directly or,
 * behind the ingress, with {@code X-Forwarded-Proto: https}), and a Cache-Control on API answers that
 * did not set one.
 * <p>
 * API answers hold personal data and tokens, so no shared cache may keep them. An answer with an
 * ETag (a resource, a document) gets {@code private, no-cache}: the app's own HTTP cache may keep it
 * and must revalidate it on every use, which is what makes If-None-Match and 304 work; with
 * {@code no-store} the standard HTTP stacks of the apps (OkHttp, URLSession) would keep nothing to
 * revalidate and download the whole document again. Anything else gets {@code no-store}.
 */
@Singleton
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000";
    static final String REVALIDATE = "private, no-cache";
    static final String NO_STORE = "no-store";

    void register(@Observes Filters filters) {
        filters.register(this::handle, 950);
    }

    private void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (rc.request().isSSL() || "https".equalsIgnoreCase(rc.request().scheme())) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            if (rc.normalizedPath().startsWith("/api/") && !headers.contains("Cache-Control")) {
                boolean revalidates = headers.contains("ETag") || rc.response().getStatusCode() == 304;
                headers.set("Cache-Control", revalidates ? REVALIDATE : NO_STORE);
            }
        });
        rc.next();
    }
}
