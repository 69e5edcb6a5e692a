package com.autoshop.platform.json;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * The strings of request bodies, refused when they hold U+0000: PostgreSQL's text cannot store that character,
 * so it would otherwise fail the statement (a 500) instead of naming the field. {@link
 * com.autoshop.platform.problem.JsonProblems} names the field from the failure's path and takes the message.
 */
final class NulFreeStrings extends StringDeserializer {

    private static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw JsonMappingException.from(parser, MESSAGE, new ApiProblem(ErrorCode.VALIDATION_FAILED, MESSAGE));
        }
        return value;
    }
}
