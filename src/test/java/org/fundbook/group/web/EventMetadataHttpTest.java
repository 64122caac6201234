package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

class EventMetadataHttpTest extends IntegrationTest {

    @Test
    void everyEventKeepsWhoRecordedItItsTransactionAndTheRequestsCorrelationId() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sok", "MEMBER", "2024-01-01");
        String transactionId = Api.id();

        Api.Response response = api.header("X-Correlation-Id", "tablet-7-batch-42").post(group.path("/contributions"),
                Api.body("transactionId", transactionId, "memberId", member, "amount", 2_000,
                        "occurredOn", "2024-01-02"));

        assertThat(response.header("X-Correlation-Id")).isEqualTo("tablet-7-batch-42");
        List<byte[]> metadata = jdbc.queryForList("""
                SELECT metaData FROM domain_event_entry WHERE aggregateIdentifier = ? AND payloadType LIKE '%ContributionRecorded'""",
                byte[].class, group.groupId);
        assertThat(metadata).hasSize(1);
        JsonNode meta = new ObjectMapper().readTree(metadata.get(0));
        assertThat(meta.get("correlationId").asText()).isEqualTo("tablet-7-batch-42");
        assertThat(meta.get("transactionId").asText()).isEqualTo(transactionId);
        assertThat(meta.get("recordedBy").asText()).isNotBlank();
    }

    @Test
    void aCorrelationIdIsMadeWhenTheRequestHasNone() {
        Api.Response response = api.get("/api/v1/groups");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }
}
