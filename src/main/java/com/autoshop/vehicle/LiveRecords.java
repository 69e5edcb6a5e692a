package com.autoshop.vehicle;

import com.autoshop.platform.problem.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Existence checks other records rely on, run in the caller's session (so inside its transaction). */
@ApplicationScoped
public class LiveRecords {

    /** Fails with 400 on the named field when the customer does not exist or was deleted. */
    public Uni<Void> requireCustomer(String field, UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM customers WHERE id = ?1 AND deleted_at IS NULL", Long.class)
                        .setParameter(1, customerId).getSingleResult())
                .invoke(count -> {
                    if (count == 0) {
                        throw ApiProblem.invalid(field, "does not name a live customer");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Long> openAppointmentsOfVehicle(UUID vehicleId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        SELECT count(*) FROM appointments
                        WHERE vehicle_id = ?1 AND deleted_at IS NULL AND status IN ('SCHEDULED', 'IN_PROGRESS', 'READY')""",
                        Long.class)
                        .setParameter(1, vehicleId).getSingleResult());
    }

    public Uni<Long> openAppointmentsOfCustomer(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        SELECT count(*) FROM appointments
                        WHERE customer_id = ?1 AND deleted_at IS NULL AND status IN ('SCHEDULED', 'IN_PROGRESS', 'READY')""",
                        Long.class)
                        .setParameter(1, customerId).getSingleResult());
    }
}
