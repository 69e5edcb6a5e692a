package com.autoshop.platform.problem;

/** The stable error codes of SPEC.md section 3, each with its HTTP status and title. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request is not valid"),
    AUTH_REQUIRED(401, "Authentication required"),
    TOKEN_EXPIRED(401, "Token expired"),
    RBAC_FORBIDDEN(403, "Not allowed for your role"),
    RESOURCE_NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    INVALID_TRANSITION(409, "Invalid status transition"),
    STALE_VERSION(409, "Stale version"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused with another request"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI: a stable identifier clients may match on, documented in the README. */
    public String type() {
        return "https://autoshop.example/problems/" + name().toLowerCase().replace('_', '-');
    }
}
