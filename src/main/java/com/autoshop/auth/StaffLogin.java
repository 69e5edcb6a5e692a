package com.autoshop.auth;

import com.autoshop.auth.dto.LoginAnswer;
import com.autoshop.auth.dto.LoginRequest;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Staff login: the same answer for a wrong email, a wrong password and a deactivated account. */
@ApplicationScoped
public class StaffLogin {

    private final StaffUserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public StaffLogin(StaffUserRepository users, PasswordHasher hasher, TokenIssuer tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public Uni<LoginAnswer> login(LoginRequest request) {
        return users.findByEmail(request.email()).chain(user -> {
            String hash = user == null || !user.active ? null : user.passwordHash;
            return hasher.matches(request.password(), hash).map(ok -> {
                if (!ok) {
                    throw new ApiProblem(ErrorCode.AUTH_REQUIRED, "Email or password is wrong");
                }
                var token = tokens.issue(user.id, user.email, user.name, user.role);
                return new LoginAnswer(token.accessToken(), "Bearer", token.expiresIn(),
                        new LoginAnswer.Who(user.id, user.name, user.role));
            });
        });
    }
}
