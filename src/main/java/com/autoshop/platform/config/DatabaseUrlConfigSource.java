package com.autoshop.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Keeps the replaced system's {@code DATABASE_URL} (postgresql://user:pass@host:port/db?params) working.
 * The reactive pool takes it as is; Flyway's JDBC connection and the LISTEN connection take
 * {@code DATABASE_DIRECT_URL} when set, because neither can pass through a transaction-pooling PgBouncer.
 * Explicit {@code QUARKUS_DATASOURCE_*} variables still win: this source sits below the environment.
 */
public class DatabaseUrlConfigSource implements ConfigSource {

    static final int ORDINAL = 275;

    private final Map<String, String> properties;

    public DatabaseUrlConfigSource() {
        this(System.getenv());
    }

    public DatabaseUrlConfigSource(Map<String, String> env) {
        this.properties = toProperties(env.get("DATABASE_URL"), env.get("DATABASE_DIRECT_URL"));
    }

    static Map<String, String> toProperties(String url, String directUrl) {
        Map<String, String> properties = new HashMap<>();
        if (url == null || url.isBlank()) {
            return properties;
        }
        Parsed pooled = Parsed.of(url);
        Parsed direct = directUrl == null || directUrl.isBlank() ? pooled : Parsed.of(directUrl);
        properties.put("quarkus.datasource.reactive.url", pooled.reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", direct.jdbcUrl());
        properties.put("autoshop.listen.url", direct.reactiveUrl());
        if (pooled.user() != null) {
            properties.put("quarkus.datasource.username", pooled.user());
        }
        if (pooled.password() != null) {
            properties.put("quarkus.datasource.password", pooled.password());
        }
        return properties;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "DATABASE_URL";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /** One database URL, split so that credentials never travel inside a URL we log or pass on. */
    record Parsed(String host, int port, String database, String query, String user, String password) {

        static Parsed of(String url) {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
                throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or postgres://");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            return new Parsed(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    database, uri.getRawQuery(), user, password);
        }

        String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
        }

        String jdbcUrl() {
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
            String separator = "?";
            if (query != null) {
                jdbc.append(separator).append(query);
                separator = "&";
            }
            if (user != null) {
                jdbc.append(separator).append("user=").append(encode(user));
                separator = "&";
            }
            if (password != null) {
                jdbc.append(separator).append("password=").append(encode(password));
            }
            return jdbc.toString();
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
