package org.fundbook.audit;

import org.fundbook.ledger.GroupAggregate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.fundbook.audit.HashChain.StoredEvent;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static StoredEvent event(String payloadType, String revision, String payload) {
        return new StoredEvent("group-1", 3, "GroupAggregate", "event-1", payloadType, revision,
                "2024-01-01T00:00:00Z", payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyStoredColumnIsCovered() {
        StoredEvent base = event("Contribution", null, "{\"amount\":2000}");
        byte[] hash = HashChain.next(null, base);

        assertThat(HashChain.next(null, event("Contribution", null, "{\"amount\":2001}"))).isNotEqualTo(hash);
        assertThat(HashChain.next(null, new StoredEvent("group-1", 4, "GroupAggregate", "event-1", "Contribution",
                null, "2024-01-01T00:00:00Z", base.payload(), base.metaData()))).isNotEqualTo(hash);
        assertThat(HashChain.next(null, new StoredEvent("group-1", 3, "GroupAggregate", "event-1", "Contribution",
                null, "2024-01-01T00:00:01Z", base.payload(), base.metaData()))).isNotEqualTo(hash);
        assertThat(HashChain.next(null, new StoredEvent("group-1", 3, "GroupAggregate", "event-1", "Contribution",
                null, "2024-01-01T00:00:00Z", base.payload(), "{ }".getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(hash);
        assertThat(HashChain.next(null, base)).isEqualTo(hash).hasSize(32);
    }

    @Test
    void lengthPrefixesKeepNeighbouringFieldsApartAndNullApartFromEmpty() {
        assertThat(HashChain.canonical(event("ab", "c", "{}")))
                .isNotEqualTo(HashChain.canonical(event("a", "bc", "{}")));
        assertThat(HashChain.canonical(event("a", null, "{}")))
                .isNotEqualTo(HashChain.canonical(event("a", "", "{}")));
    }

    @Test
    void eachHashCoversTheOneBeforeIt() {
        StoredEvent e = event("Contribution", null, "{}");
        byte[] first = HashChain.next(null, e);
        assertThat(HashChain.next(first, e)).isNotEqualTo(first);
        assertThat(HashChain.next(new byte[32], e)).isNotEqualTo(HashChain.next(first, e));
    }
}
