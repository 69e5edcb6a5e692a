package com.autoshop.auth;

import com.autoshop.auth.dto.LoginAnswer;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs access tokens (RS256; the role in {@code groups}; issuer, audience and lifespan from configuration). */
@Singleton
public class TokenIssuer {

    private final Duration lifespan;

    public TokenIssuer(@ConfigProperty(name = "smallrye.jwt.new-token.lifespan") long lifespanSeconds) {
        this.lifespan = Duration.ofSeconds(lifespanSeconds);
    }

    public record Token(String accessToken, long expiresIn) {
    }

    public Token issue(UUID subject, String email, String name, String role) {
        String token = Jwt.subject(subject.toString())
                .upn(email)
                .groups(Set.of(role))
                .claim("name", name)
                .expiresIn(lifespan)
                .sign();
        return new Token(token, lifespan.toSeconds());
    }

    /** The answer to a successful login or registration: a token and who it is for. */
    public LoginAnswer login(UUID subject, String email, String name, String role) {
        Token token = issue(subject, email, name, role);
        return new LoginAnswer(token.accessToken(), "Bearer", token.expiresIn(), new LoginAnswer.Who(subject, name, role));
    }
}
