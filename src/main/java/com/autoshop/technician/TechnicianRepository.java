package com.autoshop.technician;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class TechnicianRepository implements PanacheRepositoryBase<Technician, UUID> {

    /** The shop has tens of technicians: one list, active ones first, by name. */
    public Uni<List<Technician>> listAll(boolean includeInactive) {
        Sort order = Sort.descending("active").and("name").and("id");
        return includeInactive ? listAll(order) : list("active = true", order);
    }
}
