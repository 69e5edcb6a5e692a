package com.autoshop.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What PostgreSQL does with a prepared statement: EXPLAIN ANALYZE of one execution, as a JSON plan tree. */
public final class Plans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * PostgreSQL plans a prepared statement for its parameters (a custom plan) for the first five
     * executions and then keeps a generic plan only if that is not estimated dearer: the service can
     * run either, so a read path must be fine in both.
     */
    public enum Mode {
        CUSTOM("force_custom_plan"), GENERIC("force_generic_plan");

        final String setting;

        Mode(String setting) {
            this.setting = setting;
        }
    }

    private Plans() {
    }

    /** The executed plan of {@code sql} with {@code arguments} (SQL literals); statements run, so roll back writes. */
    public static JsonNode explain(Connection connection, Mode mode, String sql, String arguments) throws SQLException {
        String name = "plan_" + Math.abs(System.nanoTime() % 1_000_000);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = " + mode.setting);
            statement.execute("PREPARE " + name + " AS " + sql);
            try (ResultSet rows = statement.executeQuery(
                    "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE " + name + "(" + arguments + ")")) {
                rows.next();
                JsonNode plan = JSON.readTree(rows.getString(1)).get(0).get("Plan");
                statement.execute("DEALLOCATE " + name);
                return plan;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every node of the plan, the root first. */
    public static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        for (JsonNode child : node.path("Plans")) {
            walk(child, visitor);
        }
    }

    /** The tables the plan reads with a sequential scan. */
    public static List<String> sequentialScans(JsonNode plan) {
        List<String> tables = new ArrayList<>();
        walk(plan, node -> {
            if ("Seq Scan".equals(node.path("Node Type").asText())) {
                tables.add(node.path("Relation Name").asText());
            }
        });
        return tables;
    }
}
