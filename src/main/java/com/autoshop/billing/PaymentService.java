package com.autoshop.billing;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.billing.PaymentStore.Listed;
import com.autoshop.billing.PaymentStore.Locked;
import com.autoshop.billing.dto.PaymentInput;
import com.autoshop.billing.dto.VoidInput;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.db.Statement;
import com.autoshop.platform.idempotency.Answer;
import com.autoshop.platform.idempotency.Idempotency;
import com.autoshop.platform.idempotency.IdempotencyKey;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Payments and voids. A payment is refused on a cancelled or no-show appointment (nothing is owed there)
 * and above the balance due; a void (a reversing row) is allowed in every status, so a deposit taken for a
 * job that was then cancelled can be returned. A payment is voided once at most, and a void never.
 * Each is one transaction of at most three statements sent at once: the Idempotency-Key claim (when a key
 * is sent), the appointment lock, the write, which checks the rules again in its SQL; the locked row then says
 * why it wrote nothing.
 */
@ApplicationScoped
public class PaymentService {

    static final String PAID_WITHIN_TOTAL = "appointments_paid_within_total";
    static final String ONE_VOID_PER_PAYMENT = "payments_voids_payment_id_key";

    private final PaymentStore store;
    private final Idempotency idempotency;

    public PaymentService(PaymentStore store, Idempotency idempotency) {
        this.store = store;
        this.idempotency = idempotency;
    }

    public Uni<Answer> record(UUID appointmentId, PaymentInput input, IdempotencyKey key, String actor) {
        Statement<Answer> payment = store.record(Ids.newId(), appointmentId, input, actor, key);
        return idempotency.onceAtOnce(store.pool(), key, connection -> store.lock(connection, appointmentId, null),
                payment, locked -> {
                    if (locked == null) {
                        return ApiProblem.notFound("Appointment");
                    }
                    if (locked.status() == AppointmentStatus.CANCELED || locked.status() == AppointmentStatus.NO_SHOW) {
                        return ApiProblem.conflict("The appointment is " + locked.status() + "; it takes no payments "
                                + "(a payment made earlier can still be voided)");
                    }
                    if (input.amountCents() > locked.balanceCents()) {
                        return overpayment(locked.balanceCents());
                    }
                    return unexplained(locked);
                })
                .onFailure(failure -> DatabaseErrors.violated(failure, PAID_WITHIN_TOTAL))
                .transform(failure -> overpayment(null));
    }

    public Uni<Answer> voidPayment(UUID appointmentId, UUID paymentId, VoidInput input, IdempotencyKey key,
            String actor) {
        Statement<Answer> reversal = store.reverse(Ids.newId(), appointmentId, paymentId, input.note(), actor, key);
        return idempotency.onceAtOnce(store.pool(), key, connection -> store.lock(connection, appointmentId, paymentId),
                reversal, locked -> {
                    if (locked == null) {
                        return ApiProblem.notFound("Appointment");
                    }
                    if (locked.payment() == null) {
                        return ApiProblem.notFound("Payment");
                    }
                    if (locked.payment().isVoid()) {
                        return ApiProblem.conflict("This payment is itself a void; a void cannot be voided");
                    }
                    if (locked.payment().voided()) {
                        return ApiProblem.conflict("This payment was voided already");
                    }
                    return unexplained(locked);
                })
                .onFailure(failure -> DatabaseErrors.violated(failure, ONE_VOID_PER_PAYMENT))
                .transform(failure -> ApiProblem.conflict("This payment was voided already"));
    }

    /** Null when there is no such live appointment. */
    public Uni<Listed> list(UUID appointmentId, int limit, String cursor) {
        return store.list(appointmentId, limit, cursor);
    }

    public Uni<String> one(UUID appointmentId, UUID paymentId) {
        return store.one(appointmentId, paymentId).onItem().ifNull().failWith(() -> ApiProblem.notFound("Payment"));
    }

    /** The write's SQL refused what the locked row allowed: the two disagree, a defect, not a client's error. */
    private static IllegalStateException unexplained(Locked locked) {
        return new IllegalStateException("the payment's write changed nothing though its locked row allowed it: " + locked);
    }

    private static ApiProblem overpayment(Long balanceCents) {
        String detail = "The payment is more than the balance due"
                + (balanceCents == null ? "" : " (" + balanceCents + " cents)") + "; paid may not exceed the total";
        return balanceCents == null ? ApiProblem.conflict(detail)
                : ApiProblem.conflict(detail, Map.of("balanceCents", balanceCents));
    }
}
