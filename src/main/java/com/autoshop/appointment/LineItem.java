package com.autoshop.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A service line of an appointment (SPEC: "appointment service"). */
@Entity
@Table(name = "appointment_services")
public class LineItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    public String name;
    public String notes;
    @Column(name = "estimated_hours")
    public BigDecimal estimatedHours;
    @Column(name = "price_cents")
    public long priceCents;
    public String category;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
