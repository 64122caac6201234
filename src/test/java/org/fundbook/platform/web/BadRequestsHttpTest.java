package org.fundbook.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/** Every refusal is problem details with a code: bodies that are not JSON, and paths refused before the API. */
class BadRequestsHttpTest extends IntegrationTest {

    private static void malformed(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
        assertThat(response.header("Server")).isNull();
    }

    private Api.Response contribution(String body) {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        return api.send("POST", group.path("/contributions"), body);
    }

    @Test
    void aTruncatedBodyIsMalformedEvenWhenItsFirstFieldIsInvalidToo() {
        malformed(contribution("{\"transactionId\": \"not a uuid\", \"memberId\": "));
        malformed(contribution("{\"amount\": \"ten\", \"occurredOn\": \"2024-01-0"));
    }

    @Test
    void aBodyWithSomethingAfterItsJsonValueIsMalformed() {
        malformed(contribution("{\"amount\": \"ten\"} {"));
    }

    @Test
    void aWellFormedBodyWithAWrongFieldIsStillAValidationFailure() {
        Api.Response response = contribution("{\"transactionId\": \"" + Api.id() + "\", \"amount\": \"ten\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anEmptySegmentIsMalformed() {
        malformed(api.get("/api/v1/groups//members"));
    }

    @Test
    void anEncodedDotDotIsMalformed() {
        malformed(api.get("/api/v1/groups/%2e%2e/members"));
    }

    @Test
    void aPathParameterIsMalformed() {
        malformed(api.get("/api/v1/groups;x=1"));
    }

    @Test
    void anEncodedSlashIsMalformed() {
        malformed(api.get("/api/v1/groups/a%2Fb"));
    }

    @Test
    void anEncodedNulIsMalformed() {
        malformed(api.get("/api/v1/groups/%00"));
    }

    @Test
    void rejectedPathsAreMalformedWithoutCredentialsToo() {
        malformed(anonymous().get("/api/v1/groups;x=1"));
        malformed(anonymous().get("/api/v1/groups/a%2Fb"));
    }
}
