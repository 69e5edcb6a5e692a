package com.autoshop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What an UPDATE of appointments announces (V16): each row that changed more than its position, alone,
 * with its old and new start as the span; nothing for rows that only shifted; after 50 cards in one
 * transaction, one "truncated" without a span. Each case writes in a transaction of its own, reads what
 * it queued, and rolls back.
 */
@QuarkusTest
class AppointmentAnnouncementTest {

    private static final AtomicInteger DAYS = new AtomicInteger();

    /** Three cards of a new vehicle at 08:00, 11:00 and 14:00 of a day of their own, at positions 0, 1, 2. */
    private static List<UUID> threeCards(Instant day) {
        UUID customer = Fixtures.customer(Fixtures.unique("Announced"));
        UUID vehicle = Fixtures.vehicle(customer);
        List<UUID> cards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID card = Fixtures.appointment(customer, vehicle, day.plus(8 + 3L * i, ChronoUnit.HOURS), "SCHEDULED");
            Sql.update("UPDATE appointments SET position = ? WHERE id = ?", i, card);
            cards.add(card);
        }
        return cards;
    }

    /** {@code count} quarter-hour appointments of a new vehicle on a day of their own; answers the vehicle. */
    private static UUID quarterHours(int count) {
        Instant day = freshDay();
        UUID customer = Fixtures.customer(Fixtures.unique("Bulk"));
        UUID vehicle = Fixtures.vehicle(customer);
        Sql.update("""
                INSERT INTO appointments (id, customer_id, vehicle_id, starts_at, ends_at, title, position)
                SELECT gen_random_uuid(), ?, ?, ?::timestamptz + i * interval '15 minutes',
                       ?::timestamptz + (i + 1) * interval '15 minutes', 'Bulk ' || i, i
                FROM generate_series(1, ?) AS i""", customer, vehicle, day.toString(), day.toString(), count);
        return vehicle;
    }

    private static Instant freshDay() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(7000 + DAYS.addAndGet(3), ChronoUnit.DAYS);
    }

    /** The announcements {@code sql} queued, read before its transaction rolls back. */
    private static List<JsonObject> announced(String sql, Object... params) throws SQLException {
        try (Connection db = Sql.connect()) {
            return announced(db, sql, params);
        }
    }

    /** The same on a connection of the caller's, whose transaction this rolls back. */
    private static List<JsonObject> announced(Connection db, String sql, Object... params) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement last = Sql.prepare(db, "SELECT coalesce(max(id), 0) FROM pending_announcements");
                ResultSet before = last.executeQuery();
                PreparedStatement write = Sql.prepare(db, sql, params)) {
            before.next();
            write.executeUpdate();
            List<JsonObject> queued = new ArrayList<>();
            try (PreparedStatement read = Sql.prepare(db,
                    "SELECT payload FROM pending_announcements WHERE id > ? ORDER BY id", before.getLong(1));
                    ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    JsonObject payload = new JsonObject(rows.getString(1));
                    if ("appointments".equals(payload.getString("kind"))) {
                        queued.add(payload);
                    }
                }
            }
            return queued;
        } finally {
            db.rollback();
        }
    }

    @Test
    void aMoveListsTheMovedCardAloneWithItsStart() throws Exception {
        Instant day = freshDay();
        List<UUID> cards = threeCards(day);
        // the last card to the top: the other two shift down
        List<JsonObject> queued = announced("""
                UPDATE appointments SET position = CASE WHEN id = ? THEN 0 ELSE position + 1 END,
                                        version = CASE WHEN id = ? THEN version + 1 ELSE version END
                WHERE id = ANY(?::uuid[])""", cards.get(2), cards.get(2), cards.stream().map(UUID::toString).toArray(String[]::new));

        assertThat(queued).hasSize(1);
        JsonObject change = queued.get(0);
        assertThat(change.getString("op")).isEqualTo("UPDATE");
        assertThat(change.containsKey("truncated")).isFalse();
        JsonArray rows = change.getJsonArray("rows");
        assertThat(rows).hasSize(1);
        JsonObject moved = rows.getJsonObject(0);
        assertThat(moved.getString("id")).isEqualTo(cards.get(2).toString());
        assertThat(moved.getInteger("previousPosition")).isEqualTo(2);
        assertThat(moved.getInteger("position")).isZero();
        assertThat(moved.getBoolean("removed")).isFalse();
        assertThat(Instant.parse(change.getString("from"))).isEqualTo(day.plus(14, ChronoUnit.HOURS));
        assertThat(Instant.parse(change.getString("to"))).isEqualTo(day.plus(14, ChronoUnit.HOURS));
    }

    @Test
    void aRescheduleSpansTheOldAndTheNewStart() throws Exception {
        Instant day = freshDay();
        UUID card = threeCards(day).get(0);
        Instant later = day.plus(2, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        List<JsonObject> queued = announced("""
                UPDATE appointments SET starts_at = ?::timestamptz, ends_at = ?::timestamptz + interval '1 hour',
                                        version = version + 1 WHERE id = ?""", later.toString(), later.toString(), card);

        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).getJsonArray("rows")).hasSize(1);
        assertThat(Instant.parse(queued.get(0).getString("from"))).isEqualTo(day.plus(8, ChronoUnit.HOURS));
        assertThat(Instant.parse(queued.get(0).getString("to"))).isEqualTo(later);
    }

    @Test
    void shiftsAloneAnnounceNothing() throws Exception {
        List<UUID> cards = threeCards(freshDay());
        List<JsonObject> queued = announced("UPDATE appointments SET position = position + 1 WHERE id = ANY(?::uuid[])",
                (Object) cards.stream().map(UUID::toString).toArray(String[]::new));

        assertThat(queued).isEmpty();
    }

    @Test
    void aChangeOfNothingButTheTitleIsAnnounced() throws Exception {
        UUID card = threeCards(freshDay()).get(1);
        List<JsonObject> queued = announced("UPDATE appointments SET title = 'Renamed' WHERE id = ?", card);

        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).getJsonArray("rows").getJsonObject(0).getString("id")).isEqualTo(card.toString());
    }

    @Test
    void afterFiftyCardsInATransactionOneTruncatedReloadsEveryBoard() throws Exception {
        UUID vehicle = quarterHours(60);
        List<JsonObject> queued = announced("UPDATE appointments SET title = 'Renamed', version = version + 1 WHERE vehicle_id = ?",
                vehicle);

        assertThat(queued).hasSize(51);
        assertThat(queued.subList(0, 50)).allSatisfy(change -> assertThat(change.getJsonArray("rows")).hasSize(1));
        JsonObject truncated = queued.get(50);
        assertThat(truncated.getBoolean("truncated")).isTrue();
        assertThat(truncated.containsKey("from")).isFalse();
    }

    @Test
    void theCountStartsAgainInTheSessionsNextTransaction() throws Exception {
        UUID vehicle = quarterHours(50);
        try (Connection db = Sql.connect()) {
            assertThat(announced(db, "UPDATE appointments SET version = version + 1 WHERE vehicle_id = ?", vehicle)).hasSize(50);

            List<JsonObject> next = announced(db, """
                    UPDATE appointments SET version = version + 1
                    WHERE id = (SELECT id FROM appointments WHERE vehicle_id = ? LIMIT 1)""", vehicle);

            assertThat(next).hasSize(1);
            assertThat(next.get(0).containsKey("truncated")).isFalse();
        }
    }

    @Test
    void anUpdateOfNoRowAnnouncesNothing() throws Exception {
        assertThat(announced("UPDATE appointments SET title = 'Nobody' WHERE id = ?", UUID.randomUUID())).isEmpty();
    }
}
