package com.autoshop.platform.health;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP latency as a histogram (p95/p99 computable in Prometheus across instances) with the SLO bounds
 * as buckets. Statement timers stay summaries: one histogram per statement shape would be too many series.
 */
@Singleton
public class MetricsSetup {

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests")) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                            .serviceLevelObjectives(Duration.ofMillis(100).toNanos(), Duration.ofMillis(250).toNanos())
                            .build().merge(config);
                }
                return config;
            }
        };
    }
}
