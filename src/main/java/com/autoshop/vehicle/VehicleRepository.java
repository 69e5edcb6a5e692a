package com.autoshop.vehicle;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, UUID> {

    public Uni<Vehicle> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    public Uni<Long> countLive(UUID customerId) {
        return count("customerId = ?1 and deletedAt is null", customerId);
    }

    /** Drops the primary flag of the customer's other vehicles (one primary per customer is a unique index). */
    public Uni<Integer> clearPrimary(UUID customerId, UUID except) {
        return update("primary = false, version = version + 1, updatedAt = ?3 "
                + "where customerId = ?1 and id <> ?2 and primary = true and deletedAt is null",
                customerId, except, Instant.now());
    }

    /** Soft-deletes every live vehicle of a customer being deleted, freeing their VINs and plates. */
    public Uni<Integer> deleteAllOf(UUID customerId, Instant at) {
        return update("deletedAt = ?2, primary = false, version = version + 1, updatedAt = ?2 "
                + "where customerId = ?1 and deletedAt is null", customerId, at);
    }
}
