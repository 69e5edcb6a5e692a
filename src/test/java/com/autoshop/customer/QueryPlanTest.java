package com.autoshop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.appointment.BoardQuery;
import com.autoshop.platform.data.Conditions;
import com.autoshop.support.Fixtures;
import com.autoshop.support.Plans;
import com.autoshop.support.PreparedStatements;
import com.autoshop.support.Sql;
import com.autoshop.vehicle.VehicleProfileQuery;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL really does for the audit's read paths (EXPLAIN ANALYZE): the profile reads each of
 * its page's details once, history and boards gather theirs with joins, never a subplan run once per
 * row, and the search box uses an index at 100,000 customers; each in the custom and the generic plan (Plans.Mode).
 */
@QuarkusTest
class QueryPlanTest {

    @Inject
    Pool pool;

    /**
     * Each appointment of the page reads its own services, payments and messages (one index probe per
     * list), and each of those rows is read once: no scan of the whole page's details repeated per row.
     */
    @Test
    void profileDetailsReadEachDetailRowOnce() throws Exception {
        Owner owner = withHistory(200);

        String sql = CustomerProfileQuery.pageSql(new Conditions(Tuple.of(owner.customer(), 100, true, 20)));
        for (Plans.Mode mode : Plans.Mode.values()) {
            JsonNode plan = explain(mode, sql, "'%s', 100, true, 20".formatted(owner.customer()));

            // the page is 101 appointments (one more tells that a next page exists), each with 2 services,
            // 1 payment and 2 messages (Fixtures.history)
            assertThat(plan.path("Actual Rows").asLong()).as("%s plan", mode).isEqualTo(101);
            assertThat(rowsRead(plan, "appointment_services")).as("%s plan", mode).isEqualTo(202);
            assertThat(rowsRead(plan, "payments")).as("%s plan", mode).isEqualTo(101);
            assertThat(rowsRead(plan, "messages")).as("%s plan", mode).isEqualTo(202);
        }
    }

    /** Rows the plan's scans of a table returned, over all their executions. */
    static long rowsRead(JsonNode plan, String table) {
        long[] rows = { 0 };
        Plans.walk(plan, node -> {
            if (table.equals(node.path("Relation Name").asText())) {
                rows[0] += node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong();
            }
        });
        return rows[0];
    }

    /** Longer than Vert.x's default cache limit (2,048 characters): unprepared, it was parsed and planned on every request. */
    @Test
    void theProfileWithEveryFilterStaysPrepared() {
        Conditions everyFilter = new Conditions(Tuple.tuple().addValue(null).addValue(null).addValue(null).addValue(null))
                .and(CustomerProfileQuery.BY_VEHICLE, (Object) null)
                .and(CustomerProfileQuery.FROM, (Object) null)
                .and(CustomerProfileQuery.TO, (Object) null)
                .and(CustomerProfileQuery.BEFORE, null, null);
        String sql = CustomerProfileQuery.pageSql(everyFilter);
        assertThat(sql.length()).isGreaterThan(2048);
        assertThat(PreparedStatements.timesPrepared(pool, sql)).isEqualTo(1);
    }

    @Test
    void historyReadsEachPaymentOnceAndTheVehicleProfileAggregatesOnce() throws Exception {
        Owner owner = withHistory(120);

        for (Plans.Mode mode : Plans.Mode.values()) {
            JsonNode history = explain(mode, CustomerHistoryQuery.SQL,
                    "'%s', 100, 'infinity'::timestamptz, 'ffffffff-ffff-ffff-ffff-ffffffffffff'".formatted(owner.customer()));
            assertThat(history.path("Actual Rows").asLong()).as("%s plan", mode).isEqualTo(101);
            assertThat(rowsRead(history, "payments")).as("each payment read once, %s plan", mode).isEqualTo(101);
            JsonNode vehicleProfile = explain(mode, VehicleProfileQuery.SQL,
                    "'%s', 'infinity'::timestamptz, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 100".formatted(owner.vehicle()));
            assertThat(loopsPerAppointment(vehicleProfile)).as("per-row loops in the vehicle profile's %s plan", mode)
                    .isEmpty();
        }
    }

    /** The board gathers its cards' customers, vehicles and services once, not once for each card. */
    @Test
    void theBoardGathersItsCardsOncePerRequest() throws Exception {
        withHistory(60);

        for (Plans.Mode mode : Plans.Mode.values()) {
            JsonNode board = explain(mode, BoardQuery.BOARD_SQL,
                    "now() - interval '61 days', now(), NULL, 'UTC', '{}'::uuid[], '{}'::bigint[]");

            assertThat(loopsPerAppointment(board)).as("per-card loops in the board's %s plan", mode).isEmpty();
            assertThat(board.path("Actual Rows").asLong()).as("%s plan", mode).isGreaterThanOrEqualTo(60);
        }
    }

    /**
     * Work repeated for each appointment of the page: a subplan, or an aggregate, window or sort run
     * more than once (a nested loop over a one-row estimate re-aggregating every payment per row).
     * One index probe per page row inside a join is fine: that is the join itself.
     */
    static List<String> loopsPerAppointment(JsonNode plan) {
        List<String> problems = new ArrayList<>();
        Plans.walk(plan, node -> {
            long loops = node.path("Actual Loops").asLong();
            String type = node.path("Node Type").asText();
            boolean subplan = "SubPlan".equals(node.path("Parent Relationship").asText());
            boolean repeatedWork = type.equals("Aggregate") || type.equals("WindowAgg") || type.equals("Sort");
            if (loops > 1 && (subplan || repeatedWork)) {
                problems.add(type + " executed " + loops + " times " + node.path("Relation Name").asText(""));
            }
        });
        return problems;
    }

    @Test
    void searchUsesAnIndexAtOneHundredThousandCustomers() throws Exception {
        try (Connection connection = Sql.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO customers (id, name, email, phone)
                        SELECT gen_random_uuid(), 'Load Customer ' || g, 'load' || g || '@example.com', '+1555' || lpad(g::text, 7, '0')
                        FROM generate_series(1, 100000) g""");
                statement.execute("""
                        INSERT INTO vehicles (id, customer_id, license_plate)
                        SELECT gen_random_uuid(), id, 'LP' || upper(substr(md5(id::text), 1, 10)) FROM customers WHERE email LIKE 'load%'""");
                statement.execute("ANALYZE customers");
                statement.execute("ANALYZE vehicles");
            }
            for (String[] search : new String[][] {
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%customer 4242%', '%customer 4242%'" },
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%load4242@%', '%load4242@%'" },
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%5550004242%', '%5550004242%'" },
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%lp1a2b%', '%lp1a2b%'" },
                    // a short plate fragment: its trigrams promise hundreds of vehicles, which made a custom plan
                    // hash-join them to every customer
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%lp1a%', '%lp1a%'" },
                    { CustomerSearchQuery.TRIGRAM_SQL, FIRST + ", 51, '%e1f%', '%e1f%'" },
                    { CustomerSearchQuery.PREFIX_SQL, FIRST + ", 51, 'lo', 'lp'" },
                    { CustomerSearchQuery.LIST_SQL, "'load customer 5', '00000000-0000-0000-0000-000000000000', 51" } }) {
                for (Plans.Mode mode : Plans.Mode.values()) {
                    JsonNode plan = Plans.explain(connection, mode, search[0], search[1]);
                    assertThat(Plans.sequentialScans(plan)).as("sequential scans for %s, %s plan", search[1], mode).isEmpty();
                }
            }
            connection.rollback();
        }
    }

    record Owner(UUID customer, UUID vehicle) {
    }

    /** A customer with one vehicle and an appointment a day for the last {@code days} days, analyzed. */
    private static Owner withHistory(int days) {
        UUID customer = Fixtures.customer(Fixtures.unique("Plan"));
        UUID vehicle = Fixtures.vehicle(customer);
        Fixtures.history(customer, vehicle, days);
        Sql.update("ANALYZE");
        return new Owner(customer, vehicle);
    }

    /** The first page of a name-ordered search: after ("", the smallest id). */
    static final String FIRST = "'', '00000000-0000-0000-0000-000000000000'";

    private static JsonNode explain(Plans.Mode mode, String sql, String arguments) throws Exception {
        try (Connection connection = Sql.connect()) {
            return Plans.explain(connection, mode, sql, arguments);
        }
    }
}
