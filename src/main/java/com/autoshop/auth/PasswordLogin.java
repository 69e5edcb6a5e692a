package com.autoshop.auth;

import com.autoshop.auth.LoginAccounts.Credentials;
import com.autoshop.auth.dto.LoginAnswer;
import com.autoshop.auth.dto.LoginRequest;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Email and password login for staff and customers: throttled, and the same answer for a wrong email,
 * a wrong password and a deactivated account (the password is checked against a decoy hash when
 * there is no account, so the answer takes as long either way).
 */
@ApplicationScoped
public class PasswordLogin {

    private final LoginAccounts accounts;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public PasswordLogin(LoginAccounts accounts, LoginThrottle throttle, PasswordHasher hasher, TokenIssuer tokens) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public Uni<LoginAnswer> staff(LoginRequest request, String clientAddress) {
        return login("staff", request, clientAddress, accounts::staff);
    }

    public Uni<LoginAnswer> customer(LoginRequest request, String clientAddress) {
        return login("customer", request, clientAddress, accounts::customer);
    }

    private Uni<LoginAnswer> login(String kind, LoginRequest request, String clientAddress,
            Function<String, Uni<Credentials>> lookup) {
        return throttle.begin(kind, request.email(), clientAddress).chain(attempt -> lookup.apply(request.email())
                .chain(account -> hasher.matches(request.password(), account == null ? null : account.passwordHash())
                        .chain(matches -> {
                            if (!matches) {
                                return Uni.createFrom().failure(
                                        new ApiProblem(ErrorCode.AUTH_REQUIRED, "Email or password is wrong"));
                            }
                            return throttle.succeeded(attempt).map(ignored -> tokens.login(account.id(),
                                    account.email(), account.name(), account.role()));
                        })));
    }
}
