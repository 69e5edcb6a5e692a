package com.autoshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Traces are off by default, and off costs nothing: no tracer sees the requests and statements (see {@link TracingOnTest}). */
@QuarkusTest
class TracingTest {

    @Inject
    Vertx vertx;

    @Test
    void noTracerIsInstalledWhileTracesAreOff() {
        assertThat(((VertxInternal) vertx).tracer()).isNull();
    }
}
