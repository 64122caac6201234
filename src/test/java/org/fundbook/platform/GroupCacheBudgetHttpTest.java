package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node whose group cache may hold 8 events: what it caches is weighed by the events a group was built from,
 * groups that no longer fit are dropped, and a dropped or never-cached group is written to exactly as before.
 */
class GroupCacheBudgetHttpTest extends IntegrationTest {

    private ConfigurableApplicationContext node;
    private Api small;
    private BoundedCache cache;

    @BeforeEach
    void startANodeWithASmallCache() {
        node = startAnotherNode("--fundbook.group-cache-events=8");
        small = adminOf(node);
        cache = node.getBean("groupCache", BoundedCache.class);
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

    @Test
    void aCachedGroupWeighsTheEventsItWasBuiltFrom() {
        Ledger group = groupOfFiveEvents("Sophal");

        assertThat(cache.containsKey(group.groupId)).isTrue();
        assertThat(cache.weight()).isEqualTo(5);
        assertThat(small.get("/actuator/prometheus").body())
                .contains("fundbook_group_cache_events{application=\"fundbook\"} 5.0")
                .contains("fundbook_group_cache_size{application=\"fundbook\"} 1.0")
                .contains("fundbook_group_cache_gets_total{application=\"fundbook\",result=\"miss\"}");
    }

    @Test
    void whenTheEventsNoLongerFitTheLeastRecentlyWrittenGroupIsDroppedAndStillWrittenToCorrectly() {
        Ledger first = groupOfFiveEvents("Sophal");
        Ledger second = groupOfFiveEvents("Dara");

        assertThat(cache.containsKey(first.groupId)).isFalse();
        assertThat(cache.containsKey(second.groupId)).isTrue();
        assertThat(cache.weight()).isEqualTo(5);

        String member = first.member("Chanthy", "MEMBER", "2024-02-01");
        first.contribute(member, 2_500, "2024-02-02");
        assertThat(first.group().at("/balances/memberSavings").asLong()).isEqualTo(5_500);
        assertThat(first.group().at("/memberCount").asInt()).isEqualTo(2);
        // loaded again from the store, now of 7 events, it pushed the other group out
        assertThat(cache.containsKey(first.groupId)).isTrue();
        assertThat(cache.containsKey(second.groupId)).isFalse();
        assertThat(cache.weight()).isEqualTo(7);
    }

    @Test
    void aGroupHeavierThanTheWholeBudgetIsNotCachedAndEveryWriteIsStillRecordedOnce() {
        Ledger group = Ledger.register(small, "CEDAC", "2024-01-01", null);
        String member = group.member("Sreymom", "MEMBER", "2024-01-01");
        for (int i = 1; i <= 9; i++) {
            group.contribute(member, 1_000 * i, "2024-01-" + (10 + i));
        }

        assertThat(cache.containsKey(group.groupId)).isFalse();
        assertThat(cache.weight()).isZero();
        assertThat(group.group().at("/balances/memberSavings").asLong()).isEqualTo(45_000);
        assertThat(group.group().at("/balances/cash").asLong()).isEqualTo(45_000);
    }
}
