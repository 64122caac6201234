package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node whose group cache may hold 8 events: what it caches is weighed by the events a group was built from,
 * groups that no longer fit are dropped (and the node forgets their sequence), and a dropped or never-cached
 * group is written to exactly as before.
 */
class GroupCacheBudgetHttpTest extends IntegrationTest {

    private ConfigurableApplicationContext node;
    private Api small;
    private AggregateCache cache;
    private LedgerWriter writer;

    @BeforeEach
    void startANodeWithASmallCache() {
        node = startAnotherNode("--fundbook.group-cache-events=8");
        small = adminOf(node);
        cache = node.getBean("groupCache", AggregateCache.class);
        writer = node.getBean(LedgerWriter.class);
    }

    @AfterEach
    void stopIt() {
        node.close();
    }

    /** Registration, a member and three contributions: five events. */
    private Ledger groupOfFiveEvents(String name) {
        Ledger group = Ledger.register(small, "CEDAC", "2024-01-01", null);
        String member = group.member(name, "MEMBER", "2024-01-01");
        for (int i = 1; i <= 3; i++) {
            group.contribute(member, 1_000, "2024-01-0" + (i + 1));
        }
        return group;
    }

    private boolean cached(Ledger group) {
        return cache.containsKey(group.groupId);
    }

    /** Every group the node keeps a sequence for is in its cache. */
    private void sequencesNotedOnlyForCachedGroups() {
        cache.cleanUp();
        assertThat(writer.notedSequences().keySet()).allSatisfy(id -> assertThat(cache.containsKey(id.toString()))
                .as("cached: " + id).isTrue());
    }

    @Test
    void aCachedGroupWeighsTheEventsItWasBuiltFrom() {
        Ledger group = groupOfFiveEvents("Sophal");

        assertThat(cached(group)).isTrue();
        assertThat(cache.events()).isEqualTo(5);
        assertThat(writer.notedSequences()).containsEntry(UUID.fromString(group.groupId), 4L);
        assertThat(small.get("/actuator/prometheus").body())
                .contains("fundbook_group_cache_events{application=\"fundbook\"} 5.0")
                .contains("fundbook_group_cache_size{application=\"fundbook\"} 1.0")
                .contains("fundbook_group_cache_gets_total{application=\"fundbook\",result=\"miss\"}")
                .contains("fundbook_group_cache_gets_total{application=\"fundbook\",result=\"hit\"}")
                .contains("fundbook_group_cache_evictions_total{application=\"fundbook\"}");
    }

    @Test
    void whenTheEventsNoLongerFitAGroupIsDroppedAndEveryGroupIsStillWrittenToCorrectly() {
        Ledger first = groupOfFiveEvents("Sophal");
        Ledger second = groupOfFiveEvents("Dara");
        cache.cleanUp();

        // ten events do not fit in eight: one group is held, the other dropped, and the node forgot its sequence
        assertThat(cached(first) ^ cached(second)).as("exactly one of the groups is cached").isTrue();
        assertThat(cache.events()).isEqualTo(5);
        sequencesNotedOnlyForCachedGroups();
        assertThat(small.get("/actuator/prometheus").body())
                .doesNotContain("fundbook_group_cache_evictions_total{application=\"fundbook\"} 0.0");

        for (Ledger group : List.of(first, second)) {
            String member = group.member("Chanthy", "MEMBER", "2024-02-01");
            group.contribute(member, 2_500, "2024-02-02");
            assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(5_500);
            assertThat(group.group().at("/memberCount").asInt()).isEqualTo(2);
            cache.cleanUp();
            assertThat(cache.events()).isLessThanOrEqualTo(8);
            sequencesNotedOnlyForCachedGroups();
        }
    }

    @Test
    void aGroupHeavierThanTheWholeBudgetIsNotCachedAndEveryWriteIsStillRecordedOnce() {
        Ledger group = Ledger.register(small, "CEDAC", "2024-01-01", null);
        String member = group.member("Sreymom", "MEMBER", "2024-01-01");
        for (int i = 1; i <= 9; i++) {
            group.contribute(member, 1_000 * i, "2024-01-" + (10 + i));
        }

        assertThat(cached(group)).isFalse();
        assertThat(cache.events()).isZero();
        sequencesNotedOnlyForCachedGroups();
        assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(45_000);
        assertThat(group.group().at("/balances/cash").asLong()).isEqualTo(45_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, group.groupId)).isEqualTo(11);
    }
}
