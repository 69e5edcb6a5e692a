package autoshop.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Ids and search terms drawn once from the loaded database (TABLESAMPLE, so drawing is instant at
 * any size), served to Gatling as endless random feeders. A page sample of a small table can hold no
 * row at all (2 % of the smoke dataset's 125-odd pages of customers: none, about one draw in twelve),
 * so an empty sample is drawn again from the whole table.
 */
final class Samples {

    final List<Map<String, Object>> customers;
    final List<Map<String, Object>> vehicles;
    final List<Map<String, Object>> appointments;
    final List<Map<String, Object>> movable;
    final List<Map<String, Object>> payable;
    final List<Map<String, Object>> names;

    Samples(String jdbcUrl, String user, String password) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            customers = sample(db, "customers", """
                    SELECT DISTINCT customer_id AS "customerId" FROM appointments %s
                    WHERE deleted_at IS NULL LIMIT 3000""", "TABLESAMPLE SYSTEM (2)");
            vehicles = sample(db, "vehicles", """
                    SELECT id AS "vehicleId", customer_id AS "customerId" FROM vehicles %s
                    WHERE deleted_at IS NULL LIMIT 3000""", "TABLESAMPLE SYSTEM (5)");
            appointments = sample(db, "appointments", """
                    SELECT id AS "appointmentId" FROM appointments %s
                    WHERE deleted_at IS NULL LIMIT 5000""", "TABLESAMPLE SYSTEM (1)");
            movable = sample(db, "movable appointments", """
                    SELECT id AS "appointmentId", version AS "version" FROM appointments
                    WHERE deleted_at IS NULL AND status = 'SCHEDULED' AND starts_at > now() LIMIT 5000""", null);
            payable = sample(db, "payable appointments", """
                    SELECT id AS "appointmentId" FROM appointments
                    WHERE deleted_at IS NULL AND status IN ('SCHEDULED', 'IN_PROGRESS', 'READY')
                      AND total_cents - paid_cents >= 1000 LIMIT 5000""", null);
            names = sample(db, "surnames", """
                    SELECT lower(split_part(name, ' ', 2)) AS "term" FROM customers %s
                    WHERE deleted_at IS NULL AND length(split_part(name, ' ', 2)) >= 3 LIMIT 2000""", "TABLESAMPLE SYSTEM (2)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot draw samples from " + jdbcUrl, e);
        }
    }

    /** The rows of {@code sql} (its {@code %s} the sampling clause, or none), from the whole table if the sample has none. */
    private static List<Map<String, Object>> sample(Connection db, String what, String sql, String tableSample)
            throws SQLException {
        List<Map<String, Object>> rows = rows(db, sql.formatted(tableSample == null ? "" : tableSample));
        if (rows.isEmpty() && tableSample != null) {
            rows = rows(db, sql.formatted(""));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("the database has no " + what + " to load-test with: run load/dataset/load.sh");
        }
        return rows;
    }

    static Iterator<Map<String, Object>> randomly(List<Map<String, Object>> rows) {
        Supplier<Map<String, Object>> next = () -> rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
        return Stream.generate(next).iterator();
    }

    private static List<Map<String, Object>> rows(Connection db, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i).toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
