package org.fundbook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.fundbook.group.RefusalCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

/** Every word of the pages in both languages, Khmer really Khmer, and a sentence for every refusal code. */
class MessageBundlesTest {

    /** The codes of api.md and the service's other problem answers, besides the domain's refusals. */
    static final List<String> API_CODES = List.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "UNAUTHENTICATED",
            "FORBIDDEN", "NOT_FOUND", "TRANSACTION_ID_REUSED", "PAYLOAD_TOO_LARGE", "USER_NOT_FOUND",
            "USERNAME_TAKEN", "LAST_ADMIN", "WRONG_PASSWORD", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE",
            "UNSUPPORTED_MEDIA_TYPE", "INTERNAL_ERROR", "REBUILD_UNSAFE");

    /** All the service's bundles of one language together (a key must not be in two of them). */
    private static Properties load(String language) throws IOException {
        Properties all = new Properties();
        for (Resource bundle : Words.bundles(language)) {
            Properties one = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            java.util.Set<String> twice = new java.util.TreeSet<>(one.stringPropertyNames());
            twice.retainAll(all.stringPropertyNames());
            assertThat(twice).as("keys of " + bundle + " also in another bundle").isEmpty();
            all.putAll(one);
        }
        return all;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndKhmerIsNeverTheEnglish() throws IOException {
        Properties km = load("km");
        Properties en = load("en");
        assertThat(km.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        List<String> untranslated = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String k = km.getProperty(key).strip();
            if (k.isEmpty() || k.equals(en.getProperty(key).strip()) || !k.codePoints().anyMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.KHMER)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("keys whose Khmer is missing, the English, or not Khmer script")
                .isEmpty();
    }

    @Test
    void everyRefusalCodeHasASentenceInBothLanguages() throws IOException {
        Properties km = load("km");
        Properties en = load("en");
        List<String> codes = Stream.concat(Arrays.stream(RefusalCode.values()).map(Enum::name), API_CODES.stream())
                .toList();
        for (String code : codes) {
            assertThat(km.getProperty("refusal." + code)).as("Khmer for " + code).isNotBlank();
            assertThat(en.getProperty("refusal." + code)).as("English for " + code).isNotBlank();
        }
    }
}
