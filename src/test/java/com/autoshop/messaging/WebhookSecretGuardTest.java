package com.autoshop.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSecretGuardTest {

    @Test
    void prodNeedsASecretOfItsOwn() {
        assertThatThrownBy(() -> WebhookSecretGuard.check(Optional.empty())).hasMessageContaining("WEBHOOK_SECRET must be set");
        assertThatThrownBy(() -> WebhookSecretGuard.check(Optional.of("  "))).hasMessageContaining("must be set");
        assertThatThrownBy(() -> WebhookSecretGuard.check(Optional.of("dev-only-webhook-secret-public-never-use-in-prod")))
                .hasMessageContaining("dev/test-only");
        assertThatThrownBy(() -> WebhookSecretGuard.check(Optional.of("short"))).hasMessageContaining("at least 16");
        assertThatCode(() -> WebhookSecretGuard.check(Optional.of("9f2c6d1e8a7b4c3d2e1f0a9b8c7d6e5f"))).doesNotThrowAnyException();
    }
}
