package com.autoshop.messaging;

import com.autoshop.messaging.MessageStore.NewMessage;
import com.autoshop.messaging.MessageStore.Target;
import com.autoshop.messaging.dto.DeliveryReport;
import com.autoshop.messaging.dto.MessageInput;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.data.Page;
import com.autoshop.platform.idempotency.Answer;
import com.autoshop.platform.idempotency.Idempotency;
import com.autoshop.platform.idempotency.IdempotencyKey;
import com.autoshop.platform.limits.RateLimiter;
import com.autoshop.platform.limits.RateLimiter.Limit;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outbound messages to an appointment's customer. A message is accepted only if it can go out: SMS needs a
 * phone and a consent that is not denied (SPEC: every message here is transactional, so "unknown" is
 * allowed), email needs an email address. Refusals are 409 CONFLICT: the request is valid, the customer's
 * record does not allow it yet (change the record, then the same request succeeds). Accepted messages
 * count against the limits (per customer per 24 h, per shop per hour) in the same transaction, so a
 * refused one counts for nothing, and are written queued: the outbox, sent by {@link MessageDispatcher}.
 */
@ApplicationScoped
public class MessageService {

    static final int SMS_MAX_LENGTH = 1600;
    static final String DENIED = "denied";

    private final MessageStore store;
    private final Idempotency idempotency;
    private final RateLimiter limiter;
    private final MessagingConfig config;

    public MessageService(MessageStore store, Idempotency idempotency, RateLimiter limiter, MessagingConfig config) {
        this.store = store;
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.config = config;
    }

    public Uni<Answer> send(UUID appointmentId, MessageInput input, IdempotencyKey key, String actor) {
        if (input.channel() == Channel.SMS && input.body().length() > SMS_MAX_LENGTH) {
            throw ApiProblem.invalid("body", "an SMS holds at most " + SMS_MAX_LENGTH + " characters");
        }
        UUID id = Ids.newId();
        String location = "appointments/" + appointmentId + "/messages/" + id;
        return idempotency.once(store.pool(), key, connection -> store.target(connection, appointmentId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"))
                .chain(target -> {
                    String recipient = recipient(target, input.channel());
                    var message = new NewMessage(id, appointmentId, input.channel(), input.body(), recipient, actor);
                    return limiter.hit(connection, limits(target.customerId()))
                            .chain(() -> store.insert(connection, message, key, location));
                })
                .map(body -> Answer.of(201, body, location)));
    }

    /** Null when there is no such live appointment. */
    public Uni<Page<String>> list(UUID appointmentId, int limit, String cursor) {
        return store.list(appointmentId, limit, cursor);
    }

    public Uni<String> one(UUID appointmentId, UUID messageId) {
        return store.one(appointmentId, messageId).onItem().ifNull().failWith(() -> ApiProblem.notFound("Message"));
    }

    /**
     * A delivery receipt from the provider (already authenticated): queued or sending messages take the
     * outcome, a repeated receipt changes nothing, a failed message may turn delivered (a late receipt), and
     * a delivered one stays delivered (409). The signature covers the body only, not the URL, so a receipt
     * naming another provider reference than the message's is refused (409): a signed receipt of one message
     * cannot be replayed onto another that was handed to the provider.
     */
    public Uni<String> receipt(UUID appointmentId, UUID messageId, DeliveryReport report) {
        String status = report.status().json();
        return store.receipt(appointmentId, messageId, status, report.failureReason(), report.providerRef())
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Message"))
                .map(receipt -> {
                    String before = receipt.previousStatus();
                    if (report.providerRef() != null && receipt.providerRef() != null
                            && !report.providerRef().equals(receipt.providerRef())) {
                        throw ApiProblem.conflict("The receipt is for another provider message than this one",
                                Map.of("providerRef", receipt.providerRef()));
                    }
                    if (before.equals("delivered") && !status.equals("delivered")) {
                        throw ApiProblem.conflict("The message is delivered already; it cannot become " + status,
                                Map.of("status", before));
                    }
                    return receipt.message();
                });
    }

    private List<Limit> limits(UUID customerId) {
        return List.of(
                new Limit("messages:customer:" + customerId, config.perCustomerPerDay(), Duration.ofHours(24),
                        "messages to this customer"),
                new Limit("messages:shop", config.perShopPerHour(), Duration.ofHours(1), "messages from the shop"));
    }

    private static String recipient(Target target, Channel channel) {
        if (target.customerDeleted()) {
            throw ApiProblem.conflict("The customer was deleted; no messages go to them",
                    Map.of("reason", "CUSTOMER_DELETED"));
        }
        if (channel == Channel.EMAIL) {
            if (target.email() == null) {
                throw ApiProblem.conflict("The customer has no email address; add one to the customer first",
                        Map.of("reason", "NO_EMAIL"));
            }
            return target.email();
        }
        if (DENIED.equals(target.smsConsent())) {
            throw ApiProblem.conflict("The customer has denied SMS consent; send an email instead",
                    Map.of("reason", "SMS_CONSENT_DENIED"));
        }
        if (target.phone() == null) {
            throw ApiProblem.conflict("The customer has no phone number; add one to the customer first",
                    Map.of("reason", "NO_PHONE"));
        }
        return target.phone();
    }
}
