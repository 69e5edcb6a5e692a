package com.autoshop.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject and role, as recorded in audit entries and payments. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** "staff:<user id>" or "customer:<customer id>"; "anonymous" outside an authenticated request. */
    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return (isCustomer() ? "customer:" : "staff:") + subject();
    }

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The customer id of a customer's token; empty for staff. */
    public java.util.Optional<UUID> customerId() {
        return isCustomer() ? java.util.Optional.of(UUID.fromString(subject())) : java.util.Optional.empty();
    }

    public boolean isCustomer() {
        return identity.hasRole(Roles.CUSTOMER);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
