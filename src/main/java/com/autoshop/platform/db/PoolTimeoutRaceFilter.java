package com.autoshop.platform.db;

import io.quarkus.logging.LoggingFilter;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    private static final long EVERY = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
    private final AtomicLong dropped = new AtomicLong();

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!isRace(record.getThrown())) {
            return true;
        }
        long now = System.nanoTime();
        long due = nextAt.get();
        if (now - due >= 0 && nextAt.compareAndSet(due, now + EVERY)) {
            record.setMessage(record.getMessage() + " (the SQL pool's connection-timeout race, harmless; "
                    + dropped.getAndSet(0) + " more since the last line)");
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    static boolean isRace(Throwable failure) {
        return failure instanceof IllegalStateException && "Result is already complete".equals(failure.getMessage())
                && Arrays.stream(failure.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool."));
    }
}
