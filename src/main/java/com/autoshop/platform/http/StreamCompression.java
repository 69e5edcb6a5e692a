package com.autoshop.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets streamed responses (a {@code Multi} from a resource, such as the CSV exports) be compressed like the
 * others. Quarkus marks every response {@code Content-Encoding: identity} and lifts the mark for compressible
 * media types once the resource answered, but a stream's answer bypasses that step, so it would always go out
 * uncompressed. This lifts the mark when the headers are written, for the media types of
 * {@code quarkus.http.compress-media-types}; Vert.x then compresses for clients that accept gzip or deflate.
 */
@Singleton
public class StreamCompression {

    private final boolean enabled;
    private final Set<String> compressible;

    public StreamCompression(@ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> mediaTypes) {
        this.enabled = enabled;
        this.compressible = mediaTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::handle, 950);
        }
    }

    private void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            HttpServerResponse response = rc.response();
            String encoding = response.headers().get(HttpHeaders.CONTENT_ENCODING);
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (encoding != null && type != null && HttpHeaders.IDENTITY.toString().equalsIgnoreCase(encoding)
                    && response.isChunked() && compressible.contains(baseType(type))) {
                response.headers().remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
        rc.next();
    }

    static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
