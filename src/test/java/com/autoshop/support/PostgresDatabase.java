package com.autoshop.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for the tests, fresh for every run: a Testcontainers PostgreSQL where a container
 * engine answers, else a new database on the local server (TEST_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres) that is dropped when the run ends.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    static final String PREFIX = "autoshop_test_";
    private static final Duration STALE_AFTER = Duration.ofHours(6);

    private PostgreSQLContainer<?> container;
    private String adminJdbcUrl;
    private String database;
    private String user;
    private String password;

    @Override
    public Map<String, String> start() {
        if (containerEngineAnswers()) {
            container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return config(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                    container.getUsername(), container.getPassword());
        }
        var server = ServerUrl.parse(System.getenv().getOrDefault("TEST_DATABASE_URL",
                "postgresql://postgres@127.0.0.1:5432/postgres"));
        adminJdbcUrl = server.jdbcUrl();
        user = server.user();
        password = server.password();
        database = PREFIX + System.currentTimeMillis() / 1000 + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            dropStale(connection);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("no PostgreSQL for the tests at " + adminJdbcUrl
                    + " (set TEST_DATABASE_URL, or run bash .ci/run which installs one)", e);
        }
        return config(server.host(), server.port(), database, user, password);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            return;
        }
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private Map<String, String> config(String host, int port, String db, String user, String password) {
        String hostPort = host + ":" + port + "/" + db;
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "autoshop.listen.url", "postgresql://" + hostPort,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminJdbcUrl, user, password);
    }

    /** Databases left by runs that died before dropping theirs. */
    private static void dropStale(Connection connection) throws SQLException {
        List<String> stale = new ArrayList<>();
        long cutoff = System.currentTimeMillis() / 1000 - STALE_AFTER.toSeconds();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static boolean containerEngineAnswers() {
        if ("false".equalsIgnoreCase(System.getenv("TESTCONTAINERS_ENABLED"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    record ServerUrl(String host, int port, String db, String user, String password) {

        static ServerUrl parse(String url) {
            var uri = java.net.URI.create(url);
            String user = "postgres";
            String password = null;
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            return new ServerUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    uri.getPath().length() > 1 ? uri.getPath().substring(1) : "postgres", user, password);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + db;
        }
    }
}
