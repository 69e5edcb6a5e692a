package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolTimeoutRaceFilterTest {

    private static LogRecord uncaught(Throwable failure) {
        LogRecord record = new LogRecord(Level.SEVERE, "Uncaught exception received by Vert.x");
        record.setThrown(failure);
        return record;
    }

    private static IllegalStateException race() {
        IllegalStateException failure = new IllegalStateException("Result is already complete");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3",
                        "SqlConnectionPool.java", 216) });
        return failure;
    }

    @Test
    void theRaceIsLoggedOnceAMinuteWithTheCountOfTheOthers() {
        PoolTimeoutRaceFilter filter = new PoolTimeoutRaceFilter();
        long logged = IntStream.range(0, 1000).filter(i -> filter.isLoggable(uncaught(race()))).count();
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void everythingElseIsLogged() {
        PoolTimeoutRaceFilter filter = new PoolTimeoutRaceFilter();
        IllegalStateException elsewhere = new IllegalStateException("Result is already complete");
        assertThat(IntStream.range(0, 10).allMatch(i -> filter.isLoggable(uncaught(elsewhere)))).isTrue();
        assertThat(filter.isLoggable(uncaught(new RuntimeException("boom")))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.INFO, "started"))).isTrue();
    }
}
