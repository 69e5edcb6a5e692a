package com.autoshop.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses for the JAX-RS side. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ApiProblem problem, String requestId) {
        Response.ResponseBuilder builder = Response.status(problem.code().status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.body(problem, requestId));
        if (problem.retryAfter() != null) {
            builder.header("Retry-After", Math.max(1, problem.retryAfter().toSeconds()));
        }
        return builder.build();
    }

    public static Response of(ErrorCode code, String detail, String requestId) {
        return of(new ApiProblem(code, detail, List.of(), Map.of(), null), requestId);
    }
}
