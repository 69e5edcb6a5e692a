package com.autoshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With OTEL_SDK_DISABLED=false Vert.x traces every request and statement. */
@QuarkusTest
@TestProfile(TracingOnTest.TracesOn.class)
class TracingOnTest {

    public static class TracesOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }

    @Inject
    Vertx vertx;

    @Test
    void aTracerSeesRequestsAndStatements() {
        assertThat(((VertxInternal) vertx).tracer()).isNotNull();
    }
}
