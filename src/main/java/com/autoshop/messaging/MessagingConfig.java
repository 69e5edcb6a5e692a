package com.autoshop.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "autoshop.messaging")
public interface MessagingConfig {

    /** The HMAC-SHA256 key of delivery webhooks (WEBHOOK_SECRET); required in prod. */
    Optional<String> webhookSecret();

    /** Messages per customer per 24 hours (MESSAGE_LIMIT_PER_CUSTOMER). */
    @WithDefault("20")
    int perCustomerPerDay();

    /** Messages per shop per hour (MESSAGE_LIMIT_PER_SHOP). */
    @WithDefault("200")
    int perShopPerHour();

    Dispatch dispatch();

    /** The outbox dispatcher. */
    interface Dispatch {

        /** How often each instance looks for due messages (MESSAGE_DISPATCH_INTERVAL); read by the scheduler. */
        @WithDefault("2s")
        Duration interval();

        /** Messages claimed per run (MESSAGE_DISPATCH_BATCH). */
        @WithDefault("50")
        int batchSize();

        /** Sends in flight at once per instance. */
        @WithDefault("8")
        int concurrency();

        /** Attempts before a retryable failure becomes final (MESSAGE_MAX_ATTEMPTS). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; it doubles with each attempt (MESSAGE_RETRY_BACKOFF). */
        @WithDefault("30s")
        Duration retryBackoff();

        /** The longest wait between attempts (MESSAGE_MAX_RETRY_BACKOFF). */
        @WithDefault("1h")
        Duration maxRetryBackoff();

        /** How long a send may take before it counts as a retryable failure (MESSAGE_SEND_TIMEOUT). */
        @WithDefault("15s")
        Duration sendTimeout();
    }
}
