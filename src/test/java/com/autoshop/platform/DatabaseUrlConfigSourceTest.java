package com.autoshop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autoshop.platform.config.DatabaseUrlConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DATABASE_URL of the replaced system, split into what the reactive pool, Flyway and LISTEN need. */
class DatabaseUrlConfigSourceTest {

    static Map<String, String> properties(Map<String, String> env) {
        var source = new DatabaseUrlConfigSource(env);
        return source.getProperties();
    }

    @Test
    void splitsCredentialsOutOfTheUrl() {
        var properties = properties(Map.of("DATABASE_URL", "postgresql://shop:s%40cret@db.internal:6432/autoshop?sslmode=require"));
        assertThat(properties)
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://db.internal:6432/autoshop?sslmode=require")
                .containsEntry("quarkus.datasource.username", "shop")
                .containsEntry("quarkus.datasource.password", "s@cret")
                .containsEntry("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://db.internal:6432/autoshop?sslmode=require&user=shop&password=s%40cret");
    }

    @Test
    void flywayAndListenUseTheDirectUrlWhenOneIsGiven() {
        var properties = properties(Map.of(
                "DATABASE_URL", "postgres://app:pw@pgbouncer:6432/autoshop",
                "DATABASE_DIRECT_URL", "postgresql://owner:pw2@postgres:5432/autoshop"));
        assertThat(properties)
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://pgbouncer:6432/autoshop")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://postgres:5432/autoshop?user=owner&password=pw2")
                .containsEntry("autoshop.listen.url", "postgresql://postgres:5432/autoshop");
    }

    @Test
    void defaultsPortAndDatabaseAndSetsNothingWithoutAUrl() {
        assertThat(properties(Map.of("DATABASE_URL", "postgresql://localhost")))
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:5432/postgres");
        assertThat(properties(Map.of())).isEmpty();
        assertThatThrownBy(() -> properties(Map.of("DATABASE_URL", "mysql://x/y"))).isInstanceOf(IllegalArgumentException.class);
    }
}
