package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When everything is slow (a saturated database), each statement shape is logged once per interval. */
@QuarkusTest
class SlowStatementLogTest {

    @Inject
    StatementObserver observer;

    @Test
    void aShapeIsLoggedOncePerIntervalAndEveryOneIsCounted() {
        List<String> lines;
        try (LogCapture log = LogCapture.of(StatementObserver.class)) {
            String sql = "SELECT 1 FROM customers WHERE id = $1 -- " + System.nanoTime();
            for (int i = 0; i < 500; i++) {
                observer.finished(sql, TimeUnit.MILLISECONDS.toNanos(250), false);
            }
            observer.finished("SELECT 2 FROM vehicles WHERE id = $1 -- " + System.nanoTime(),
                    TimeUnit.MILLISECONDS.toNanos(250), false);
            lines = log.lines();
        }
        assertThat(lines.stream().filter(line -> line.contains("FROM customers"))).hasSize(1);
        assertThat(lines.stream().filter(line -> line.contains("FROM vehicles"))).hasSize(1);
    }
}
