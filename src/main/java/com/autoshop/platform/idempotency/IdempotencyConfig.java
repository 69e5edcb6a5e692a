package com.autoshop.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "autoshop.idempotency")
public interface IdempotencyConfig {

    /** How long an Idempotency-Key is remembered (IDEMPOTENCY_TTL). */
    @WithDefault("24h")
    Duration ttl();
}
