package com.autoshop.auth;

import com.autoshop.auth.AccountStatus.Account;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A signed token is honoured only while its account is active and still has the token's role: a
 * deactivated account (or a deleted customer) is refused with 401 within the status cache's lifetime,
 * and a user whose role changed must log in again to get a token with the new role.
 */
@Singleton
public class ActiveAccountCheck implements SecurityIdentityAugmentor {

    private final AccountStatus status;

    public ActiveAccountCheck(AccountStatus status) {
        this.status = status;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> groups = token.getGroups();
        UUID subject = uuid(token.getSubject());
        if (subject == null || groups == null || groups.size() != 1) {
            return refused();
        }
        String tokenRole = groups.iterator().next();
        Account account = Roles.CUSTOMER.equals(tokenRole) ? Account.customer(subject) : Account.staff(subject);
        return status.role(account).chain(role -> tokenRole.equals(role) ? Uni.createFrom().item(identity) : refused());
    }

    private static Uni<SecurityIdentity> refused() {
        return Uni.createFrom().failure(new AuthenticationFailedException("the account is not active"));
    }

    private static UUID uuid(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
