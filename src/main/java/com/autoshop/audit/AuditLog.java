package com.autoshop.audit;

import com.autoshop.platform.data.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes audit entries through the caller's Hibernate Reactive session, so the entry commits or
 * rolls back with the change it describes. Call it inside a {@code @WithTransaction} method.
 */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> record(String actor, String action, String entity, UUID entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.id = Ids.newId();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.before = json(before);
        entry.after = json(after);
        entry.at = Instant.now();
        return Panache.getSession().chain(session -> session.persist(entry));
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value is not serialisable", e);
        }
    }
}
