package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/** The group cache on Caffeine: weighed by the events of what it holds, and telling what it drops at once. */
class AggregateCacheTest {

    /** An aggregate root of no interest but its version. */
    static class Root {
    }

    /** What Axon puts in the cache for an aggregate of the given number of events. */
    private static AggregateCacheEntry<Root> aggregateOf(long events) {
        EventSourcedAggregate<Root> aggregate = EventSourcedAggregate.reconstruct(new Root(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Root.class), events - 1, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        return new AggregateCacheEntry<>(aggregate);
    }

    /** Hears what the cache drops. */
    private static final class Heard extends Cache.EntryListenerAdapter {
        final List<Object> expired = new ArrayList<>();
        final List<Object> removed = new ArrayList<>();

        @Override
        public void onEntryExpired(Object key) {
            expired.add(key);
        }

        @Override
        public void onEntryRemoved(Object key) {
            removed.add(key);
        }
    }

    @Test
    void anAggregateWeighsItsVersionPlusOneAsAxonCachesIt() {
        assertThat(AggregateCache.events(aggregateOf(42))).isEqualTo(42);
        assertThat(AggregateCache.events(aggregateOf(1))).isEqualTo(1);
        assertThat(AggregateCache.events("anything else")).isEqualTo(1);
    }

    @Test
    void groupsAreDroppedUntilTheirEventsFitAndListenersHearOfItBeforePutReturns() {
        AggregateCache cache = new AggregateCache(10, 1_000);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);

        cache.put("a", aggregateOf(4));
        cache.put("b", aggregateOf(4));
        assertThat(cache.events()).isEqualTo(8);
        cache.put("c", aggregateOf(4));

        assertThat(cache.events()).isLessThanOrEqualTo(10);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(heard.expired).hasSize(1);
        assertThat(cache.containsKey(heard.expired.get(0))).isFalse();
        assertThat(heard.removed).isEmpty();
    }

    @Test
    void aGroupThatGrowsIsWeighedAgainWhenAxonPutsItAgain() {
        AggregateCache cache = new AggregateCache(10, 1_000);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);
        cache.put("a", aggregateOf(3));
        cache.put("b", aggregateOf(3));

        cache.put("a", aggregateOf(8));

        assertThat(cache.events()).isLessThanOrEqualTo(10);
        assertThat(heard.expired).hasSize(1);
        // a replaced entry is neither removed nor expired
        assertThat(heard.removed).isEmpty();
    }

    @Test
    void aGroupHeavierThanTheWholeBudgetIsNotKept() {
        AggregateCache cache = new AggregateCache(10, 1_000);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);
        cache.put("small", aggregateOf(2));

        cache.put("huge", aggregateOf(11));

        assertThat(cache.containsKey("huge")).isFalse();
        assertThat(cache.containsKey("small")).isTrue();
        assertThat(heard.expired).containsExactly("huge");
    }

    @Test
    void noMoreGroupsThanGivenAreHeldHoweverFewTheirEvents() {
        AggregateCache cache = new AggregateCache(100, 4);
        for (int i = 0; i < 10; i++) {
            cache.put("group " + i, aggregateOf(1));
        }
        cache.cleanUp();

        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.events()).isEqualTo(4);
    }

    @Test
    void removingTellsTheListenersAndARegistrationCanBeCancelled() {
        AggregateCache cache = new AggregateCache(10, 1_000);
        Heard heard = new Heard();
        var registration = cache.registerCacheEntryListener(heard);
        cache.put("a", aggregateOf(1));
        cache.put("b", aggregateOf(1));

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(heard.removed).containsExactly("a");

        registration.cancel();
        cache.removeAll();
        assertThat(cache.size()).isZero();
        assertThat(heard.removed).containsExactly("a");
    }

    @Test
    void getPutIfAbsentAndComputeIfPresentBehaveAsAxonExpects() {
        AggregateCache cache = new AggregateCache(10, 1_000);
        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat((String) cache.get("a")).isEqualTo("first");

        cache.computeIfPresent("a", (UnaryOperator<String>) value -> value + "!");
        assertThat((String) cache.get("a")).isEqualTo("first!");
        cache.computeIfPresent("a", value -> null);
        assertThat(cache.containsKey("a")).isFalse();
        cache.computeIfPresent("absent", value -> "never");
        assertThat(cache.containsKey("absent")).isFalse();
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new AggregateCache(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AggregateCache(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AggregateCache(10, 10).put("a", null)).isInstanceOf(NullPointerException.class);
    }
}
