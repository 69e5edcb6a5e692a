package com.autoshop.platform.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "autoshop.db")
public interface DatabaseConfig {

    /** Statements at least this slow are logged with their normalised SQL and route. */
    @WithDefault("100ms")
    Duration slowStatementThreshold();

    /** A statement shape is logged as slow at most once in this interval (the lines say how many were not). */
    @WithDefault("10s")
    Duration slowStatementLogInterval();

    /**
     * Requests allowed to wait for a connection once all are in use; beyond it a request fails fast
     * with 503 instead of queueing without bound.
     */
    @WithDefault("256")
    int maxWaitQueue();

    /** How long a request waits for a pooled connection before it is answered 503. */
    @WithDefault("5s")
    Duration connectionTimeout();

    /** Connections opened at start-up (DB_POOL_MIN), so the first requests do not pay for connecting. */
    @WithDefault("0")
    int warmConnections();
}
