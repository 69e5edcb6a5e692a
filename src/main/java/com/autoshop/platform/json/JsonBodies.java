package com.autoshop.platform.json;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.InputValidator;
import com.autoshop.platform.problem.JsonProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/**
 * Reads a JSON body the resource received as text (an optional body, or one whose raw bytes matter, such
 * as a signed webhook), with the same rules and 400 answers as a bound body: the API's dialect, then Bean
 * Validation.
 */
@Singleton
public class JsonBodies {

    private final ObjectMapper mapper;
    private final InputValidator validator;

    public JsonBodies(ObjectMapper mapper, InputValidator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T read(String json, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        if (value == null) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        return validator.valid(value);
    }
}
