package com.autoshop.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's own login for the mobile app; one per customer record. */
@Entity
@Table(name = "customer_accounts")
public class CustomerAccount extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    public boolean active = true;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = Instant.now();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
