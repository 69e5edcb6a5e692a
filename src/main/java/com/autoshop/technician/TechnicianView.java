package com.autoshop.technician;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record TechnicianView(UUID id, String name, String initials, boolean active, Instant createdAt,
        Instant updatedAt, long version) {

    static TechnicianView of(Technician t) {
        return new TechnicianView(t.id, t.name, t.initials, t.active, t.createdAt, t.updatedAt, t.version);
    }

    TechnicianInput editable() {
        return new TechnicianInput(name, initials, active);
    }
}
