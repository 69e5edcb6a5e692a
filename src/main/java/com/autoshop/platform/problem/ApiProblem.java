package com.autoshop.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on. Services throw it; one mapper turns it into problem+json.
 * It carries no stack trace: it is an answer, not a bug.
 */
public class ApiProblem extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Duration retryAfter;

    public ApiProblem(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of(), null);
    }

    public ApiProblem(ErrorCode code, String detail, List<FieldError> errors, Map<String, Object> extensions,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ErrorCode.RESOURCE_NOT_FOUND, what + " not found");
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldError(field, message)), Map.of(), null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ErrorCode.CONFLICT, detail);
    }

    public static ApiProblem conflict(String detail, Map<String, Object> extensions) {
        return new ApiProblem(ErrorCode.CONFLICT, detail, List.of(), extensions, null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
