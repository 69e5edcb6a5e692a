package com.autoshop.platform.json;

import io.vertx.core.json.JsonObject;

/** Reads a field back from JSON text the database rendered (for a Location header, say). */
public final class JsonFields {

    private JsonFields() {
    }

    public static String string(String objectJson, String field) {
        return new JsonObject(objectJson).getString(field);
    }
}
