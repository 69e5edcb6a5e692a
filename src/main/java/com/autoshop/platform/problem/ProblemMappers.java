package com.autoshop.platform.problem;

import com.autoshop.platform.http.RequestTelemetry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of a REST resource leaves here as problem+json; nothing internal reaches the client. */
public class ProblemMappers {

    private final Counter poolRejections;

    public ProblemMappers(MeterRegistry registry) {
        this.poolRejections = poolRejections(registry);
    }

    /** Counted here for refusals by the pool, and by {@code LoadShedding} for requests refused before reaching it. */
    public static Counter poolRejections(MeterRegistry registry) {
        return Counter.builder("db.pool.rejected")
                .description("Requests answered 503 because the connection pool's wait queue was full or the wait timed out")
                .register(registry);
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, RoutingContext rc) {
        return ProblemResponses.of(problem, RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException failure, RoutingContext rc) {
        List<FieldError> errors = failure.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(new ApiProblem(ErrorCode.VALIDATION_FAILED, detail, errors, Map.of(), null),
                RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException failure, RoutingContext rc) {
        return ProblemResponses.of(JsonProblems.of(failure), RequestTelemetry.requestId(rc));
    }

    /** Wrong types, unknown enum values and unknown fields; replaces Quarkus' built-in mapper for this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException failure, RoutingContext rc) {
        return json(failure, rc);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure, RoutingContext rc) {
        if (failure.getCause() instanceof JsonProcessingException json) {
            return json(json, rc);
        }
        if (failure.getCause() instanceof ApiProblem problem) {
            return apiProblem(problem, rc);
        }
        int status = failure.getResponse().getStatus();
        if (status == 404 && failure.getCause() != null) {
            // Quarkus REST answers 404 when a path or query value cannot be converted: it is bad input
            return ProblemResponses.of(ErrorCode.VALIDATION_FAILED,
                    "A path or query parameter has the wrong format", RequestTelemetry.requestId(rc));
        }
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.AUTH_REQUIRED;
            case 403 -> ErrorCode.RBAC_FORBIDDEN;
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
        };
        if (status >= 500) {
            Log.errorf(failure, "request %s failed", RequestTelemetry.requestId(rc));
        }
        String detail = status == 404 ? "No resource at " + rc.request().path() : code.title();
        Response response = ProblemResponses.of(code, detail, RequestTelemetry.requestId(rc));
        if (status == 405 && failure.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", failure.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException failure, RoutingContext rc) {
        return ProblemResponses.of(ErrorCode.AUTH_REQUIRED, "A valid bearer token is required",
                RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException failure, RoutingContext rc) {
        return ProblemResponses.of(AuthFailures.classify(failure), AuthFailures.detail(failure),
                RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException failure, RoutingContext rc) {
        return ProblemResponses.of(ErrorCode.AUTH_REQUIRED, "A valid bearer token is required",
                RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper
    public Response stale(StaleStateException failure, RoutingContext rc) {
        return ProblemResponses.of(ErrorCode.STALE_VERSION, "The record was changed by someone else; reload it",
                RequestTelemetry.requestId(rc));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, RoutingContext rc) {
        if (DatabaseErrors.isPoolSaturated(failure)) {
            poolRejections.increment();
        }
        var translated = DatabaseErrors.translate(failure);
        if (translated.isPresent()) {
            return apiProblem(translated.get(), rc);
        }
        if (failure.getCause() instanceof StaleStateException stale) {
            return stale(stale, rc);
        }
        String requestId = RequestTelemetry.requestId(rc);
        Log.errorf(failure, "request %s failed", requestId);
        return ProblemResponses.of(ErrorCode.INTERNAL, "Something went wrong; quote the request id when reporting it",
                requestId);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER && field.isEmpty() && isBodyParameter(node)) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Path nodes name the Java parameter ("body") before the JSON field: drop it for bodies, keep it for query parameters. */
    private static boolean isBodyParameter(Path.Node node) {
        return "body".equals(node.getName());
    }
}
