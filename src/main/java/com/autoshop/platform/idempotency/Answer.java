package com.autoshop.platform.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What a command answered: status, JSON body and Location (a path relative to the API root, or null).
 * A replayed answer is the stored one, sent again for a repeated {@code Idempotency-Key}.
 */
public record Answer(int status, String body, String location, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public static Answer of(int status, String body, String location) {
        return new Answer(status, body, location, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
