package com.autoshop.auth.users.dto;

import com.autoshop.auth.StaffUser;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A staff account as the API shows it (never its password hash). */
@RegisterForReflection
public record UserView(UUID id, String email, String name, String role, boolean active, Instant createdAt,
        Instant updatedAt, long version) {

    public static UserView of(StaffUser user) {
        return new UserView(user.id, user.email, user.name, user.role, user.active, user.createdAt, user.updatedAt,
                user.version);
    }

    public UserEdit editable() {
        return new UserEdit(name, role, active);
    }
}
