package com.autoshop.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class StaffUserRepository implements PanacheRepositoryBase<StaffUser, UUID> {

    public Uni<StaffUser> findByEmail(String email) {
        return find("email", email).firstResult();
    }
}
