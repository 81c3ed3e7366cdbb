package dev.migrate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reports' JSON, written by Jackson from the result records themselves (their components,
 * in order, under their names), one line.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The JSON fields of a record, in order, as a map to add fields to. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> fields(Object value) {
        return MAPPER.convertValue(value, java.util.LinkedHashMap.class);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
