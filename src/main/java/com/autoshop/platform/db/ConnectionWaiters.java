package com.autoshop.platform.db;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The callers waiting for a pooled connection, counted from the request to the pool until its answer
 * (a connection, a refusal, or a connection that came after the deadline and went back). Once as many
 * wait as the pool's queue holds, the pool refuses the next caller; {@code LoadShedding} asks here first.
 */
@Singleton
public class ConnectionWaiters {

    private final AtomicInteger waiting = new AtomicInteger();
    private final int queueSize;

    @Inject
    public ConnectionWaiters(DatabaseConfig config) {
        this(config.maxWaitQueue());
    }

    ConnectionWaiters(int queueSize) {
        this.queueSize = queueSize;
    }

    /** True while the pool's wait queue is full: a request that needs a connection now would be refused. */
    public boolean queueFull() {
        return waiting.get() >= queueSize;
    }

    int count() {
        return waiting.get();
    }

    void enter() {
        waiting.incrementAndGet();
    }

    void leave() {
        waiting.decrementAndGet();
    }
}
