package com.autoshop.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    static String written(Instant instant) {
        return InstantText.append(new StringBuilder(), instant).toString();
    }

    @Test
    void writesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            assertThat(written(instant)).isEqualTo(JsonSetup.INSTANT_FORMAT.format(instant));
        }
    }

    @Test
    void truncatesToMillisecondsAtTheEdges() {
        assertThat(written(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(written(Instant.parse("1969-12-31T23:59:59.999999999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(written(Instant.parse("2024-02-29T09:05:07.000999Z"))).isEqualTo("2024-02-29T09:05:07.000Z");
        assertThat(written(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
    }

    @Test
    void yearsBeyondFourDigitsGoToTheFormatter() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(written(far)).isEqualTo(JsonSetup.INSTANT_FORMAT.format(far));
    }

    @Test
    void jsonTextWritesOffsetTimesInUtc() {
        OffsetDateTime local = OffsetDateTime.of(2026, 11, 29, 9, 30, 0, 123_456_789, ZoneOffset.ofHours(2));
        assertThat(JsonText.object().instant("at", local).build()).isEqualTo("{\"at\":\"2026-11-29T07:30:00.123Z\"}");
        assertThat(JsonText.object().instant("at", (OffsetDateTime) null).build()).isEqualTo("{\"at\":null}");
    }
}
