package com.autoshop.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The message provider of the tests (it replaces the logging default): a body containing "[fail]" meets a
 * temporary failure on every attempt, "[reject]" a permanent one; anything else is accepted. It counts the
 * attempts per message.
 */
@ApplicationScoped
public class ScriptedMessageProvider implements MessageProvider {

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public Uni<String> send(Outbound message) {
        attempts.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
        if (message.body().contains("[fail]")) {
            return Uni.createFrom().failure(new SendFailure("gateway busy (simulated 503)", true));
        }
        if (message.body().contains("[reject]")) {
            return Uni.createFrom().failure(new SendFailure("unreachable destination (simulated 30003)", false));
        }
        return Uni.createFrom().item("test-" + message.id());
    }

    public int attempts(UUID message) {
        AtomicInteger count = attempts.get(message);
        return count == null ? 0 : count.get();
    }
}
