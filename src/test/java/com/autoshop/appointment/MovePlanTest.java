package com.autoshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Plans;
import com.autoshop.support.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A move reads the cards of its columns through an index, whichever plan PostgreSQL keeps for it. A
 * custom plan for a small position once counted the destination column with a sequential scan that
 * stopped at the column's first card: 750 pages a move on the benchmark dataset, and the whole table
 * where a day's cards lie at its end, as they do in a shop that books day after day.
 */
@QuarkusTest
class MovePlanTest {

    /** 300 cars of one fleet with a card a day each, 100 days back and 30 ahead, written day after day. */
    static final String BUSY_SHOP = """
            WITH fleet AS (
                INSERT INTO customers (id, name, email) VALUES (gen_random_uuid(), 'Busy Fleet', 'busy.fleet@example.com')
                RETURNING id
            ), cars AS (
                INSERT INTO vehicles (id, customer_id, license_plate)
                SELECT gen_random_uuid(), fleet.id, 'BUSY' || lpad(g::text, 4, '0') FROM fleet, generate_series(1, 300) g
                RETURNING id, customer_id, license_plate
            )
            INSERT INTO appointments (id, customer_id, vehicle_id, status, starts_at, ends_at, title, position)
            SELECT gen_random_uuid(), c.customer_id, c.id, CASE WHEN d > 0 THEN 'SCHEDULED' ELSE 'COMPLETED' END,
                   date_trunc('day', now(), 'UTC') + d * interval '1 day' + interval '8 hours',
                   date_trunc('day', now(), 'UTC') + d * interval '1 day' + interval '10 hours', 'Service',
                   row_number() OVER (PARTITION BY d ORDER BY c.license_plate) - 1
            FROM generate_series(-100, 30) d, cars c
            ORDER BY d, c.license_plate""";

    @Test
    void aMoveReadsItsColumnsThroughAnIndexInEveryPlan() throws Exception {
        inEveryPlan(AppointmentStore.UPDATE, MovePlanTest::lastCardIn10Days, plan -> { });
    }

    @Test
    void aBoardMoveSentWithItsLockReadsItsColumnsThroughAnIndexInEveryPlanAndMovesTheCard() throws Exception {
        inEveryPlan(AppointmentStore.MOVE, MovePlanTest::boardMoveIn10Days,
                plan -> assertThat(plan.path("Actual Rows").asInt()).as("cards moved").isEqualTo(1));
    }

    interface Arguments {
        String of(Statement statement, int position) throws Exception;
    }

    /** {@code sql} run in both plan modes for moves to three places, on the busy shop, rolled back. */
    private static void inEveryPlan(String sql, Arguments arguments, Consumer<JsonNode> check) throws Exception {
        try (Connection connection = Sql.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BUSY_SHOP);
                statement.execute("ANALYZE appointments");
                for (Plans.Mode mode : Plans.Mode.values()) {
                    for (int position : new int[] { 0, 2, 250 }) {
                        JsonNode plan = Plans.explain(connection, mode, sql, arguments.of(statement, position));
                        assertThat(Plans.sequentialScans(plan)).as("%s plan of a move to %d", mode, position)
                                .doesNotContain("appointments");
                        check.accept(plan);
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * The board move of the last SCHEDULED card of the fleet's day in ten days to {@code position}, as
     * arguments, with that day locked as {@link AppointmentStore#LOCK_FOR_CHANGE} locks it.
     */
    private static String boardMoveIn10Days(Statement statement, int position) throws Exception {
        try (ResultSet card = statement.executeQuery("""
                SELECT a.id, a.version, set_config('autoshop.locked_day', ((a.starts_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')::text, true)
                FROM appointments a
                WHERE a.customer_id = (SELECT id FROM customers WHERE email = 'busy.fleet@example.com')
                  AND a.starts_at >= date_trunc('day', now(), 'UTC') + interval '10 days'
                  AND a.starts_at < date_trunc('day', now(), 'UTC') + interval '11 days'
                ORDER BY a.position DESC LIMIT 1""")) {
            card.next();
            return "'%s', 'SCHEDULED', %d, %d, 'UTC', ARRAY['SCHEDULED'], now(), 'test'"
                    .formatted(card.getObject(1, UUID.class), position, card.getLong(2));
        }
    }

    /** The move of the last SCHEDULED card of the fleet's day in ten days to {@code position}, as arguments. */
    private static String lastCardIn10Days(Statement statement, int position) throws Exception {
        try (ResultSet card = statement.executeQuery("""
                SELECT a.id, a.vehicle_id, a.starts_at, a.ends_at FROM appointments a
                WHERE a.customer_id = (SELECT id FROM customers WHERE email = 'busy.fleet@example.com')
                  AND a.starts_at >= date_trunc('day', now(), 'UTC') + interval '10 days'
                  AND a.starts_at < date_trunc('day', now(), 'UTC') + interval '11 days'
                ORDER BY a.position DESC LIMIT 1""")) {
            card.next();
            Instant startsAt = card.getTimestamp(3).toInstant();
            LocalDate day = startsAt.atZone(ZoneOffset.UTC).toLocalDate();
            return "'%s', 'SCHEDULED', %d, NULL, '%s', '%s', '%s', 'Service', NULL, NULL, NULL, NULL, NULL, NULL, 'UTC', 'test', 'move', '%s', '%s'"
                    .formatted(card.getObject(1, UUID.class), position, card.getObject(2, UUID.class), startsAt,
                            card.getTimestamp(4).toInstant(), day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }
}
