package com.autoshop.platform.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready when the database answers through the request pool and holds every migration this build
 * knows, without a failed one. Non-blocking: one statement on the reactive pool, with a timeout.
 */
@Readiness
@Singleton
public class SchemaReadiness implements AsyncHealthCheck {

    static final String SQL = """
            SELECT coalesce(bool_and(success), true), coalesce(bool_or(success AND version = $1), false)
            FROM flyway_schema_history""";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;
    private final Flyway flyway;
    private volatile String expectedVersion;

    public SchemaReadiness(Pool pool, Flyway flyway) {
        this.pool = pool;
        this.flyway = flyway;
    }

    /** The newest versioned migration of this build, read once at start-up (Flyway has migrated by then). */
    void onStart(@Observes StartupEvent event) {
        expectedVersion = Arrays.stream(flyway.info().all())
                .filter(info -> info.getVersion() != null && info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(Object::toString)
                .orElse("0");
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        var response = HealthCheckResponse.named("database").withData("expectedSchemaVersion", expectedVersion);
        return pool.preparedQuery(SQL).execute(Tuple.of(expectedVersion))
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    boolean noFailure = row.getBoolean(0);
                    boolean applied = row.getBoolean(1);
                    return response.withData("migrationsApplied", applied).withData("failedMigration", !noFailure)
                            .status(noFailure && applied).build();
                })
                .onFailure().recoverWithItem(failure -> response.withData("error", "database unreachable").down().build());
    }
}
