package com.autoshop.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** The customer unless it does not exist or was deleted; null then. */
    public Uni<Customer> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }
}
