package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OpenApiTest extends IntegrationTest {

    @Test
    void theOpenApiDescriptionIsServedWithoutLogin() {
        Api.Response response = anonymous().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has("/api/v1/groups/{groupId}/contributions")).isTrue();
        assertThat(response.json().get("paths").has("/api/v1/groups/{groupId}/closings/current/confirm")).isTrue();
    }
}
