package org.fundbook.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body is checked to be well-formed JSON (one value, nothing after it) before it is bound. Binding stops
 * at the first field it cannot read, so without this a truncated body whose first field is also wrong would be
 * answered as a field error ({@code VALIDATION_FAILED}) rather than as what it is: not JSON
 * ({@code MALFORMED_REQUEST}). Bodies are at most 1 MiB (the size filter), so reading one twice is cheap.
 */
@ControllerAdvice
public class WellFormedJson extends RequestBodyAdviceAdapter {

    private final JsonFactory factory;

    public WellFormedJson(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (body.length > 0) {
            check(body, input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    private void check(byte[] body, HttpInputMessage input) throws IOException {
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // only whitespace: left to the binding, which answers "missing body"
            }
            parser.skipChildren();
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new JsonParseException(parser, "Unexpected content after the JSON value: " + after);
            }
        } catch (JsonProcessingException e) { // a syntax error, or over the limits of JsonLimits
            throw new HttpMessageNotReadableException("The body is not well-formed JSON", e, input);
        }
    }
}
