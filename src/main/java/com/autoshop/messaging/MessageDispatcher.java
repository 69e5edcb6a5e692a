package com.autoshop.messaging;

import com.autoshop.messaging.MessageProvider.Outbound;
import com.autoshop.messaging.MessageProvider.SendFailure;
import com.autoshop.messaging.MessageStore.Claimed;
import com.autoshop.messaging.MessageStore.Outcome;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * Sends the outbox: each run claims due messages (several instances can run it: claims skip rows another
 * one holds), hands each to the {@link MessageProvider} outside any transaction, and records the outcome.
 * A retryable failure is tried again after an exponential backoff with jitter (retry-backoff, doubled each
 * attempt up to max-retry-backoff) until max-attempts; then, or at once for a permanent failure, the
 * message is failed with the reason. A message whose dispatcher dies mid-send is claimed again when its
 * lease (send timeout + 1 minute) ends. Non-blocking: runs on the event loop.
 */
@Singleton
public class MessageDispatcher {

    static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final MessageStore store;
    private final MessageProvider provider;
    private final MessagingConfig.Dispatch config;

    public MessageDispatcher(MessageStore store, MessageProvider provider, MessagingConfig config) {
        this.store = store;
        this.provider = provider;
        this.config = config.dispatch();
    }

    @Scheduled(identity = "message-dispatch", every = "${autoshop.messaging.dispatch.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return dispatch()
                .onFailure().invoke(failure -> Log.warnf("message dispatch failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run: the number of messages claimed. */
    public Uni<Integer> dispatch() {
        return store.claim(config.batchSize(), config.sendTimeout().plus(LEASE_MARGIN))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(claimed)
                                .onItem().transformToUni(this::deliver).merge(config.concurrency())
                                .collect().asList()
                                .map(recorded -> claimed.size()));
    }

    private Uni<Boolean> deliver(Claimed message) {
        return attempt(message).chain(outcome -> store.record(message, outcome)).invoke(recorded -> {
            if (!recorded) {
                Log.debugf("message %s: its outcome came after a newer change; left as it is", message.id());
            }
        });
    }

    private Uni<Outcome> attempt(Claimed message) {
        if (message.recipient() == null) {
            return Uni.createFrom().item(failed(message.channel() == Channel.SMS
                    ? "The customer has no phone number" : "The customer has no email address"));
        }
        if (message.channel() == Channel.SMS && MessageService.DENIED.equals(message.smsConsent())) {
            return Uni.createFrom().item(failed("The customer withdrew SMS consent before the message was sent"));
        }
        var outbound = new Outbound(message.id(), message.channel(), message.recipient(), message.body());
        return Uni.createFrom().deferred(() -> provider.send(outbound))
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(reference -> new Outcome(provider.confirmsDelivery() ? "sending" : "delivered", reference, null,
                        null))
                .onFailure().recoverWithItem(failure -> afterFailure(message, failure));
    }

    private Outcome afterFailure(Claimed message, Throwable failure) {
        boolean retryable = !(failure instanceof SendFailure refusal) || refusal.retryable();
        String reason = failure instanceof SendFailure ? failure.getMessage()
                : failure instanceof TimeoutException ? "the provider did not answer within " + config.sendTimeout()
                : "the provider could not be reached (" + failure.getClass().getSimpleName() + ")";
        if (!retryable) {
            Log.infof("message %s: refused by the provider: %s", message.id(), reason);
            return failed(reason);
        }
        if (message.attempt() >= config.maxAttempts()) {
            Log.infof("message %s: failed after %d attempts: %s", message.id(), message.attempt(), reason);
            return failed("Gave up after " + message.attempt() + " attempts: " + reason);
        }
        Duration wait = backoff(message.attempt());
        Log.debugf("message %s: attempt %d failed (%s); next in %s", message.id(), message.attempt(), reason, wait);
        return new Outcome("queued", null, "Attempt " + message.attempt() + " failed: " + reason, wait);
    }

    /** retry-backoff * 2^(attempt-1), at most max-retry-backoff, half of it random (equal jitter). */
    Duration backoff(int attempt) {
        long base = config.retryBackoff().toMillis();
        long exponential = base << Math.min(attempt - 1, 30);
        long capped = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, config.maxRetryBackoff().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static Outcome failed(String reason) {
        return new Outcome("failed", null, reason, null);
    }
}
