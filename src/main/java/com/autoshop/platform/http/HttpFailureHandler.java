package com.autoshop.platform.http;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.AuthFailures;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Failures that happen outside the REST layer (an oversize body, a refused token before a resource
 * runs, a path no route matches) are answered as problem+json too.
 */
@Singleton
public class HttpFailureHandler {

    private final ObjectMapper mapper;

    public HttpFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.response().close();
            return;
        }
        Throwable failure = rc.failure();
        ApiProblem problem = problemFor(rc.statusCode(), failure);
        if (problem.code() == ErrorCode.INTERNAL) {
            Log.errorf(failure, "request %s failed", RequestTelemetry.requestId(rc));
        }
        write(rc, problem);
    }

    static ApiProblem problemFor(int status, Throwable failure) {
        if (failure instanceof ApiProblem api) {
            return api;
        }
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            return new ApiProblem(AuthFailures.classify(failure), AuthFailures.detail(failure));
        }
        if (failure instanceof ForbiddenException) {
            return new ApiProblem(ErrorCode.RBAC_FORBIDDEN, "Your role does not allow this");
        }
        if (failure != null) {
            var translated = DatabaseErrors.translate(failure);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        return switch (status) {
            case 400 -> new ApiProblem(ErrorCode.VALIDATION_FAILED, "The request is malformed");
            case 401 -> new ApiProblem(ErrorCode.AUTH_REQUIRED, "A valid bearer token is required");
            case 403 -> new ApiProblem(ErrorCode.RBAC_FORBIDDEN, "Your role does not allow this");
            case 404 -> new ApiProblem(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path");
            case 405 -> new ApiProblem(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
            case 413 -> new ApiProblem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
            case 503 -> new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE, "The service is not ready");
            default -> new ApiProblem(ErrorCode.INTERNAL,
                    "Something went wrong; quote the request id when reporting it");
        };
    }

    void write(RoutingContext rc, ApiProblem problem) {
        Map<String, Object> body = Problem.body(problem.code(), problem.getMessage(), problem.errors(),
                problem.extensions(), RequestTelemetry.requestId(rc));
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = "{\"status\":" + problem.code().status() + "}";
        }
        var response = rc.response().setStatusCode(problem.code().status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.retryAfter() != null) {
            response.putHeader("Retry-After", Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        if (problem.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
            response.putHeader("Connection", "close");
        }
        response.end(json);
    }
}
