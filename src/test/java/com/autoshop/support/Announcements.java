package com.autoshop.support;

import java.time.Duration;

/** The change announcements the triggers queue and the instances relay (V14). */
public final class Announcements {

    /** Time for a relayed notification to reach the instance's listeners once it has left the queue. */
    static final Duration DELIVERY = Duration.ofMillis(200);

    private Announcements() {
    }

    /** Waits until no queued announcement mentions {@code text}, and for its delivery. */
    public static void awaitRelayed(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (Sql.count("SELECT count(*) FROM pending_announcements WHERE strpos(payload, ?) > 0", text) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("announcements about " + text + " were not relayed within 10 s");
                }
                Thread.sleep(20);
            }
            Thread.sleep(DELIVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
