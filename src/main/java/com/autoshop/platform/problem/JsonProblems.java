package com.autoshop.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;

/** Says which field of a JSON body is wrong and how, without echoing Java types or parser internals. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ApiProblem of(JsonProcessingException failure) {
        if (failure instanceof JsonParseException) {
            return new ApiProblem(ErrorCode.VALIDATION_FAILED, "The body is not well-formed JSON");
        }
        String field = failure instanceof JsonMappingException mapping ? pathOf(mapping) : "body";
        String message;
        if (failure instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (failure instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + List.of(format.getTargetType().getEnumConstants());
        } else if (failure instanceof JsonMappingException mapping && mapping.getCause() instanceof ApiProblem api) {
            message = api.errors().isEmpty() ? api.getMessage() : api.errors().get(0).message();
        } else {
            message = "has the wrong type or format";
        }
        return ApiProblem.invalid(field, message);
    }

    private static String pathOf(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
