package com.autoshop.billing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** An append-only money movement; a negative amount reverses the payment it names. */
@Entity
@Immutable
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    @Column(name = "amount_cents")
    public long amountCents;
    public String method;
    public String note;
    @Column(name = "voids_payment_id")
    public UUID voidsPaymentId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
