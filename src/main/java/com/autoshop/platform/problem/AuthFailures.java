package com.autoshop.platform.problem;

import org.jose4j.jwt.consumer.InvalidJwtException;

/** Tells an expired token from a missing, malformed or foreign one, without saying more about why it was refused. */
public final class AuthFailures {

    private AuthFailures() {
    }

    public static ErrorCode classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt && jwt.hasExpired()) {
                return ErrorCode.TOKEN_EXPIRED;
            }
        }
        return ErrorCode.AUTH_REQUIRED;
    }

    public static String detail(Throwable failure) {
        return classify(failure) == ErrorCode.TOKEN_EXPIRED
                ? "The token has expired; log in again"
                : "A valid bearer token is required";
    }
}
