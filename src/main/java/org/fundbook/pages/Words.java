package org.fundbook.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words a page's script needs (a sheet that works offline cannot ask the server for them), as a JSON block
 * the page carries: every key of the bundles under the prefixes asked for, in the page's language. The JSON is
 * safe inside a {@code <script type="application/json">} element: no {@code <} in it.
 */
@Component
public class Words {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final List<String> keys;

    Words(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
        Properties english = new Properties();
        try {
            for (Resource bundle : bundles("en")) {
                try (InputStream in = bundle.getInputStream()) {
                    english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.keys = english.stringPropertyNames().stream().sorted().toList();
    }

    /** The service's bundles in one language: {@code messages_xx.properties} and {@code i18n/*_xx.properties}. */
    public static List<Resource> bundles(String language) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> all = new ArrayList<>(List.of(resolver.getResources("classpath:messages_" + language
                + ".properties")));
        all.addAll(List.of(resolver.getResources("classpath*:i18n/*_" + language + ".properties")));
        return all;
    }

    public String json(Locale locale, String... prefixes) {
        Map<String, String> words = new TreeMap<>();
        for (String key : keys) {
            for (String prefix : prefixes) {
                if (key.startsWith(prefix)) {
                    words.put(key, messages.getMessage(key, null, key, locale));
                }
            }
        }
        return data(words);
    }

    /**
     * Any data a page's script reads, as JSON that is safe inside {@code <script type="application/json">}: no
     * {@code <}, {@code >} or {@code &} in it, so no text in it can close the element.
     */
    public String data(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
