package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PgBouncer refuses startup parameters it does not know: behind it the pool must not send session settings. */
class ProxyConnectOptionsTest {

    private static PgConnectOptions options(boolean layer7Proxy) {
        return new PgConnectOptions().setUseLayer7Proxy(layer7Proxy)
                .setProperties(Map.of("application_name", "autoshop-service", "plan_cache_mode", "force_generic_plan", "jit", "off"));
    }

    @Test
    void behindAProxySessionSettingsAreNotSent() {
        PgConnectOptions target = ObservedPoolCreator.forProxy(options(true));
        assertThat(target.getProperties()).containsEntry("application_name", "autoshop-service")
                .doesNotContainKeys("plan_cache_mode", "jit");
        assertThat(target.getUseLayer7Proxy()).isTrue();
    }

    @Test
    void onADirectConnectionItIs() {
        assertThat(ObservedPoolCreator.forProxy(options(false)).getProperties())
                .containsEntry("plan_cache_mode", "force_generic_plan").containsEntry("jit", "off");
    }
}
