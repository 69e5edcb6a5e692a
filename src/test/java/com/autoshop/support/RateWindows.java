package com.autoshop.support;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Rate limits count in fixed windows aligned on the epoch (WindowCounter). A test that spends a limit
 * and expects the next attempt refused must not straddle the end of a window, where the count starts
 * again: it waits for the next window when the current one ends within a few seconds.
 */
public final class RateWindows {

    static final long MARGIN_SECONDS = 5;

    private RateWindows() {
    }

    public static void awayFromTheEnd(Duration window) {
        long seconds = window.toSeconds();
        long left = seconds - Instant.now().getEpochSecond() % seconds;
        if (left < MARGIN_SECONDS) {
            try {
                Thread.sleep(left * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The login throttle's window, as configured. */
    public static Duration login() {
        return ConfigProvider.getConfig().getValue("autoshop.auth.login-window", Duration.class);
    }
}
