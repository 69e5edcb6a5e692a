package com.autoshop.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem+json body with the service's stable {@code code}, the {@code requestId}
 * and, for validation failures, the list of invalid fields. Extension members (for example the
 * ids of conflicting appointments) sit beside the standard ones.
 */
public record Problem(String type, String title, int status, String detail, String code, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Map<String, Object> body(ApiProblem problem, String requestId) {
        return body(problem.code(), problem.getMessage(), problem.errors(), problem.extensions(), requestId);
    }

    public static Map<String, Object> body(ErrorCode code, String detail, List<FieldError> errors,
            Map<String, Object> extensions, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail == null ? code.title() : detail);
        body.put("code", code.name());
        body.put("requestId", requestId);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
