package com.autoshop.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service's database sessions as PostgreSQL sees them, and pools of the test's own. */
public final class PoolSessions {

    private PoolSessions() {
    }

    /** Waits up to 5 s for every connection of the service's pool to be idle outside a transaction. */
    public static void assertNoneLeftInATransaction() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long open;
        while ((open = Sql.count("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND application_name = 'autoshop-service' AND state LIKE 'idle in transaction%'""")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(open).isEqualTo(0L);
    }

    /** A pool of one connection to the test database: whatever a transaction leaves on it, the next user gets. */
    public static Pool ofOne(Vertx vertx) {
        return of(vertx, 1);
    }

    /** A pool of {@code size} connections to the test database. */
    public static Pool of(Vertx vertx, int size) {
        Config config = ConfigProvider.getConfig();
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size))
                .connectingTo(PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                        .setUser(config.getValue("quarkus.datasource.username", String.class))
                        .setPassword(config.getOptionalValue("quarkus.datasource.password", String.class).orElse("")))
                .using(vertx).build();
    }
}
