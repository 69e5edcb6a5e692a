package com.autoshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage settings the board moves rely on: room on every page for HOT position shifts (V9), and
 * autoanalyze that does not run every minute because of them (V11).
 */
@QuarkusTest
class AppointmentsTableSettingsTest {

    @Test
    void appointmentsKeepRoomForShiftsAndAreNotAnalyzedForThem() {
        Object options = Sql.value("SELECT reloptions::text FROM pg_class WHERE oid = 'appointments'::regclass");

        assertThat(List.of(options.toString().replaceAll("[{}]", "").split(","))).contains("fillfactor=80",
                "autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=5000000");
    }
}
