package com.autoshop.platform.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** GET /version: what is running, for operators and the apps' "about" screens. No authentication. */
@Singleton
public class VersionRoute {

    private final String body;

    public VersionRoute(@ConfigProperty(name = "quarkus.application.name") String name,
            @ConfigProperty(name = "quarkus.application.version") String version,
            @ConfigProperty(name = "autoshop.build.commit") Optional<String> commit) {
        this.body = new JsonObject().put("name", name).put("version", version)
                .put("commit", commit.orElse("unknown")).encode();
    }

    void register(@Observes Router router) {
        router.get("/version").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
