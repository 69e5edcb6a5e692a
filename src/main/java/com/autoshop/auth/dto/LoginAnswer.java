package com.autoshop.auth.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A signed access token, its lifetime in seconds, and who it is for. */
@RegisterForReflection
public record LoginAnswer(String accessToken, String tokenType, long expiresIn, Who user) {

    public record Who(UUID id, String name, String role) {
    }
}
