package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OpenApiTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void theOpenApiDescriptionIsServedWithoutLogin() throws IOException {
        Api.Response response = anonymous().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has("/api/v1/groups/{groupId}/contributions")).isTrue();
        assertThat(response.json().get("paths").has("/api/v1/groups/{groupId}/closings/current/confirm")).isTrue();
        // for `npx @redocly/cli lint target/openapi.json` (docs/api.md)
        Files.writeString(Path.of("target", "openapi.json"), response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyApiOperationHasASummaryHttpBasicAndItsProblemAnswers() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();
        JsonNode basic = doc.at("/components/securitySchemes/basicAuth");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                if (operation.path("summary").asText("").isBlank()) {
                    faults.add(name + ": no summary");
                }
                if (operation.path("description").asText("").isBlank()) {
                    faults.add(name + ": no description");
                }
                boolean basicRequired = false;
                for (JsonNode requirement : operation.path("security")) {
                    basicRequired |= requirement.has("basicAuth");
                }
                if (!basicRequired) {
                    faults.add(name + ": no HTTP Basic security requirement");
                }
                JsonNode responses = operation.path("responses");
                for (String status : List.of("401", "403")) {
                    if (!responses.has(status)) {
                        faults.add(name + ": no " + status + " answer");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> answers = responses.fields(); answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    if (!answer.getKey().startsWith("4")) {
                        continue;
                    }
                    if (!answer.getValue().at("/content").has("application/problem+json")) {
                        faults.add(name + ": " + answer.getKey() + " is not problem details");
                    }
                    if (!answer.getValue().path("description").asText("").contains("`")) {
                        faults.add(name + ": " + answer.getKey() + " names no code");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(faults).isEmpty();
    }
}
