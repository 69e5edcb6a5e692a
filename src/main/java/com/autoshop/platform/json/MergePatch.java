package com.autoshop.platform.json;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.InputValidator;
import com.autoshop.platform.problem.JsonProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396) onto an editable view: absent fields stay, null clears, anything else
 * replaces. The merged result is read back into the input type and validated like a create, so a
 * patch can never store what a create would refuse.
 */
@Singleton
public class MergePatch {

    private final ObjectMapper mapper;
    private final InputValidator validator;

    public MergePatch(ObjectMapper mapper, InputValidator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object of the fields to change");
        }
        ObjectNode merged = mapper.valueToTree(current);
        Set<String> editable = fieldNames(merged);
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!editable.contains(field.getKey())) {
                throw ApiProblem.invalid(field.getKey(), "is not a field that can be changed");
            }
            merged.set(field.getKey(), field.getValue());
        }
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("body", "has a field of the wrong type");
        }
        return validator.valid(result);
    }

    private static Set<String> fieldNames(ObjectNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
