package com.autoshop.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "autoshop.reports")
public interface ReportsConfig {

    /** CSV exports per user per hour, counted in PostgreSQL for all instances (EXPORTS_PER_HOUR). */
    @WithDefault("5")
    int exportsPerHour();

    /** Rows per cursor round trip, and per chunk written to the client (EXPORT_FETCH_SIZE). */
    @WithDefault("1000")
    int fetchSize();

    /**
     * Exports running at once on one instance (EXPORT_MAX_CONCURRENT); each holds a pooled connection for its
     * whole length, so this keeps exports from starving the requests. Beyond it: 503 with Retry-After.
     */
    @WithDefault("4")
    int maxConcurrent();
}
