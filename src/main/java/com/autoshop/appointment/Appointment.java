package com.autoshop.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "appointments")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String title;
    public String notes;
    public int position;
    @Column(name = "total_cents")
    public long totalCents;
    @Column(name = "paid_cents")
    public long paidCents;
    @Column(name = "check_in_at")
    public Instant checkInAt;
    @Column(name = "check_out_at")
    public Instant checkOutAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Version
    public long version;
}
