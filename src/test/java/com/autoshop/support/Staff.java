package com.autoshop.support;

import java.util.UUID;

/**
 * A staff user of its own for a test, for behaviour that is counted or scoped per user (export limits,
 * Idempotency-Key scopes): an active users row, so the token is honoured wherever tokens must name a
 * live account, and a subject no other test shares.
 */
public final class Staff {

    private Staff() {
    }

    /** A token of a new active user with that role. */
    public static String fresh(String role) {
        UUID id = UUID.randomUUID();
        Sql.update("INSERT INTO users (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, '!no-password')", id,
                "fresh-" + role.toLowerCase() + "-" + id + "@test.local", role + " Fresh", role);
        return Tokens.staff(id, role);
    }
}
