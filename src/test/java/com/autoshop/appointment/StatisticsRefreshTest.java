package com.autoshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The nightly refresh of the statistics of appointments (V15): analyzes when due, once across instances. */
@QuarkusTest
class StatisticsRefreshTest {

    @Inject
    StatisticsRefresh refresh;

    @Test
    void analyzesAppointmentsWhenTheirStatisticsAreOlderThanAsked() {
        long before = analyses();

        assertThat(refresh.refresh(Duration.ZERO).await().indefinitely()).isTrue();

        assertThat(analyses()).isEqualTo(before + 1);
    }

    @Test
    void leavesStatisticsRefreshedThisNightAlone() {
        refresh.refresh(Duration.ZERO).await().indefinitely();
        long before = analyses();

        assertThat(refresh.refresh(StatisticsRefresh.FRESH).await().indefinitely()).isFalse();
        refresh.nightly().await().indefinitely();

        assertThat(analyses()).isEqualTo(before);
    }

    @Test
    void anotherInstanceRefreshingNowIsNotWaitedFor() throws Exception {
        try (Connection other = Sql.connect()) {
            other.setAutoCommit(false);
            other.createStatement().execute("SELECT pg_advisory_xact_lock(hashtext('refresh_appointment_statistics'))");
            long before = analyses();

            assertThat(refresh.refresh(Duration.ZERO).await().atMost(Duration.ofSeconds(5))).isFalse();

            assertThat(analyses()).isEqualTo(before);
            other.rollback();
        }
        assertThat(refresh.refresh(Duration.ZERO).await().indefinitely()).isTrue();
    }

    private static long analyses() {
        return Sql.count("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'appointments'::regclass");
    }
}
