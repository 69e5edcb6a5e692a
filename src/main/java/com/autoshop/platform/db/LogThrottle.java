package com.autoshop.platform.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets one log line through per interval and says how many it held back since the last one. */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
    private final AtomicLong heldBack = new AtomicLong();

    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** How many lines were held back before this one, or -1 when this one is held back too. */
    public long pass() {
        long now = System.nanoTime();
        long due = nextAt.get();
        if (now - due >= 0 && nextAt.compareAndSet(due, now + intervalNanos)) {
            return heldBack.getAndSet(0);
        }
        heldBack.incrementAndGet();
        return -1;
    }
}
