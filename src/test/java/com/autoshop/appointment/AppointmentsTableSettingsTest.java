package com.autoshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage settings the board moves rely on: room on every page for HOT position shifts (V9), and
 * autovacuum that does not analyze or vacuum every minute because of them or of the rows every move and
 * payment writes (V11, V12); appointments' statistics are left to the nightly refresh (V15).
 */
@QuarkusTest
class AppointmentsTableSettingsTest {

    @Test
    void appointmentsKeepRoomForShiftsAndAreNotAnalyzedForThem() {
        assertThat(options("appointments")).contains("fillfactor=80",
                "autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=2147483647");
    }

    @Test
    void auditEntriesAndIdempotencyKeysAreNotAnalyzedOrVacuumedForEachMinuteOfInserts() {
        for (String table : List.of("audit_entries", "idempotency_keys")) {
            assertThat(options(table)).as(table).contains("autovacuum_analyze_threshold=200000",
                    "autovacuum_vacuum_insert_threshold=200000");
        }
    }

    private static List<String> options(String table) {
        Object options = Sql.value("SELECT coalesce(reloptions::text, '') FROM pg_class WHERE oid = ?::regclass", table);
        return List.of(options.toString().replaceAll("[{}]", "").split(","));
    }
}
