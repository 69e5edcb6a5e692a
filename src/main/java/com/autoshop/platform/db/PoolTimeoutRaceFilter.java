package com.autoshop.platform.db;

import io.quarkus.logging.LoggingFilter;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The reactive pool's connection-timeout timer sometimes fires for a waiter that already got its
 * connection; Vert.x then reports "Result is already complete" as an uncaught exception, with a stack
 * trace. The request is unaffected. Under saturation there were 13,000 of them in five minutes: one
 * line a minute says how many there were.
 */
@LoggingFilter(name = "pool-timeout-race")
public final class PoolTimeoutRaceFilter implements Filter {

    private final LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1));

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!isRace(record.getThrown())) {
            return true;
        }
        long heldBack = throttle.pass();
        if (heldBack < 0) {
            return false;
        }
        record.setMessage(record.getMessage() + " (the SQL pool's connection-timeout race, harmless; "
                + heldBack + " more since the last line)");
        return true;
    }

    static boolean isRace(Throwable failure) {
        return failure instanceof IllegalStateException && "Result is already complete".equals(failure.getMessage())
                && Arrays.stream(failure.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool."));
    }
}
