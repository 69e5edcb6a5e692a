package com.autoshop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class RequestTelemetryTest {

    @Test
    void serverTimingGivesTheDatabaseTimeInHundredthsOfAMillisecond() {
        assertThat(RequestTelemetry.serverTiming(0, 0)).isEqualTo("db;dur=0.00;desc=\"0 statements\"");
        assertThat(RequestTelemetry.serverTiming(0.07, 1)).isEqualTo("db;dur=0.07;desc=\"1 statements\"");
        assertThat(RequestTelemetry.serverTiming(12.3456, 3)).isEqualTo("db;dur=12.35;desc=\"3 statements\"");
        assertThat(RequestTelemetry.serverTiming(1.999, 2)).isEqualTo("db;dur=2.00;desc=\"2 statements\"");
        assertThat(RequestTelemetry.serverTiming(1204.5, 12)).isEqualTo("db;dur=1204.50;desc=\"12 statements\"");
    }

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestTelemetry.randomId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
