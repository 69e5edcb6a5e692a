package com.autoshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The storage settings the board moves rely on: room on every page for HOT position shifts (V9; half of
 * each page since V19), and autovacuum that does not analyze or vacuum every minute because of them or of
 * the rows every move and payment writes (V11, V12); appointments' statistics are left to the nightly
 * refresh (V15); payments and line items on open work change no indexed column (V18).
 */
@QuarkusTest
class AppointmentsTableSettingsTest {

    @Test
    void appointmentsKeepRoomForShiftsAndAreNotAnalyzedForThem() {
        assertThat(options("appointments")).contains("fillfactor=50",
                "autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=2147483647");
    }

    @Test
    void auditEntriesAndIdempotencyKeysAreNotAnalyzedOrVacuumedForEachMinuteOfInserts() {
        for (String table : List.of("audit_entries", "idempotency_keys")) {
            assertThat(options(table)).as(table).contains("autovacuum_analyze_threshold=200000",
                    "autovacuum_vacuum_insert_threshold=200000");
        }
    }

    @Test
    void aPaymentOrALineItemOnOpenWorkIsAHotUpdateAndAPaymentOnDoneWorkIsNot() throws SQLException {
        UUID open = Fixtures.billable(20_000, "SCHEDULED");
        UUID done = Fixtures.billable(20_000, "READY");
        try (Connection c = Sql.connect()) {
            c.setAutoCommit(false);
            pay(c, open);
            Sql.prepare(c, "UPDATE appointments SET total_cents = total_cents + 500 WHERE id = ?", open).executeUpdate();
            assertThat(updates(c)).containsExactly(2L, 2L);
            // what the dashboard's outstanding figure reads changes: the row is indexed again
            pay(c, done);
            assertThat(updates(c)).containsExactly(3L, 2L);
            c.rollback();
        }
    }

    private static void pay(Connection c, UUID appointment) throws SQLException {
        Sql.prepare(c, "UPDATE appointments SET paid_cents = paid_cents + 100, version = version + 1, updated_at = now() WHERE id = ?",
                appointment).executeUpdate();
    }

    /** This transaction's updates of appointments so far: all, and HOT. */
    private static List<Long> updates(Connection c) throws SQLException {
        try (ResultSet rs = Sql.prepare(c, "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'appointments'")
                .executeQuery()) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        }
    }

    private static List<String> options(String table) {
        Object options = Sql.value("SELECT coalesce(reloptions::text, '') FROM pg_class WHERE oid = ?::regclass", table);
        return List.of(options.toString().replaceAll("[{}]", "").split(","));
    }
}
