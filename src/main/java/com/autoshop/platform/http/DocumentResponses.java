package com.autoshop.platform.http;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers with a {@link StoredDocument}: 304 when the client's If-None-Match names it, its stored gzip
 * encoding when the client accepts gzip and compression is on (Vert.x leaves a response that already has
 * a Content-Encoding alone), the JSON otherwise.
 */
@Singleton
public class DocumentResponses {

    private final boolean compression;
    private final int level;

    public DocumentResponses(@ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean compression,
            @ConfigProperty(name = "quarkus.http.compression-level") Optional<Integer> level) {
        this.compression = compression;
        this.level = level.orElse(0);
    }

    public Response ok(StoredDocument document, String ifNoneMatch, String acceptEncoding) {
        String etag = document.etag();
        if (ifNoneMatch != null && ETags.noneMatchHits(ifNoneMatch, etag)) {
            return ETags.notModified(etag);
        }
        Response.ResponseBuilder response = compression && acceptsGzip(acceptEncoding)
                ? Response.ok(document.gzip(level), MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                : Response.ok(document.json(), MediaType.APPLICATION_JSON);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    /** Whether Accept-Encoding names gzip (or *) without q=0 (RFC 9110 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if ((name.equals("gzip") || name.equals("*")) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
