package com.autoshop.messaging;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Where outbound messages go: an SMS gateway, an email service. Shaped after an SMS gateway's HTTP API
 * (POST to, body, client reference; answer a message reference, or an error that is temporary or not).
 *
 * <p>The default implementation only logs ({@link LoggingMessageProvider}); a real one is a CDI bean
 * implementing this interface, which replaces the default. Implementations must not block the calling
 * (event-loop) thread: use a reactive HTTP client, or run a blocking client on a worker
 * ({@code runSubscriptionOn(Infrastructure.getDefaultWorkerPool())}).
 */
public interface MessageProvider {

    /** A message to send; {@code id} is the same on every attempt. */
    record Outbound(UUID id, Channel channel, String to, String body) {
    }

    /**
     * Hands the message to the provider. The item is the provider's reference for it; a failure that is a
     * {@link SendFailure} says whether a retry may succeed, any other failure (a timeout, a connection
     * refused) is retried. Pass {@link Outbound#id()} as the provider's client reference / idempotency key
     * where it has one, so that a retry after a lost answer does not deliver twice.
     */
    Uni<String> send(Outbound message);

    /**
     * Whether the provider reports the final outcome later through the delivery webhook. When it does, an
     * accepted message stays {@code sending} until the webhook says delivered or failed; when it does not,
     * acceptance counts as delivery.
     */
    default boolean confirmsDelivery() {
        return false;
    }

    /** A refusal from the provider: {@code retryable} for temporary trouble (rate limit, 5xx, timeout). */
    final class SendFailure extends RuntimeException {

        private final boolean retryable;

        public SendFailure(String reason, boolean retryable) {
            super(reason, null, false, false);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
