package org.fundbook.group.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** The JSON columns of the read models (policies, allocations, premiums, statements), written and read one way. */
@Component
public class ProjectionJson {

    private final ObjectMapper json;

    public ProjectionJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write projection JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        return read(text, json.constructType(type));
    }

    public <T> T read(String text, TypeReference<T> type) {
        return read(text, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable projection JSON", e);
        }
    }
}
