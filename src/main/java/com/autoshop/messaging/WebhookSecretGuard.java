package com.autoshop.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The prod profile refuses to start without a webhook secret of its own: none, one shorter than 16
 * characters, or the dev/test-only default stops the service before it takes traffic.
 */
@Singleton
public class WebhookSecretGuard {

    static final String DEV_ONLY_MARKER = "dev-only";
    static final int MIN_LENGTH = 16;

    private final MessagingConfig config;

    public WebhookSecretGuard(MessagingConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (ConfigUtils.isProfileActive("prod")) {
            check(config.webhookSecret());
        }
    }

    static void check(Optional<String> secret) {
        String value = secret.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new IllegalStateException("WEBHOOK_SECRET must be set (the key of the SMS provider's delivery webhooks)");
        }
        if (value.contains(DEV_ONLY_MARKER)) {
            throw new IllegalStateException("WEBHOOK_SECRET is the dev/test-only default, which is public; set your own");
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException("WEBHOOK_SECRET must be at least " + MIN_LENGTH + " characters long");
        }
    }
}
