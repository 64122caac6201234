package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final List<String> expired = new ArrayList<>();

    private BoundedCache cache(int capacity, long maxWeight) {
        BoundedCache cache = new BoundedCache(capacity, maxWeight);
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add((String) key);
            }
        });
        return cache;
    }

    /** An entry of that weight, its key for a value. */
    private static void hold(BoundedCache cache, String key, long weight) {
        cache.put(key, key);
        cache.weigh(key, weight);
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedEntryGoes() {
        BoundedCache cache = cache(2, 100);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
    }

    @Test
    void beyondItsWeightTheLeastRecentlyUsedEntriesGoUntilTheRestFits() {
        BoundedCache cache = cache(10, 100);
        hold(cache, "a", 40);
        hold(cache, "b", 30);
        hold(cache, "c", 30);
        assertThat(cache.weight()).isEqualTo(100);
        assertThat(expired).isEmpty();

        cache.weigh("c", 90);

        assertThat(expired).containsExactly("a", "b");
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.weight()).isEqualTo(90);
    }

    @Test
    void anEntryHeavierThanTheWholeBudgetIsNotKeptAndTheOthersStay() {
        BoundedCache cache = cache(10, 100);
        hold(cache, "a", 60);
        cache.put("b", 2);

        cache.weigh("b", 101);

        assertThat(expired).containsExactly("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.weight()).isEqualTo(60);
    }

    @Test
    void aNewEntryCountsOneUntilWeighedAndAReplacedOneKeepsItsWeight() {
        BoundedCache cache = cache(10, 100);
        cache.put("a", 1);
        assertThat(cache.weight()).isEqualTo(1);
        cache.weigh("a", 25);
        cache.put("a", 2);

        assertThat(cache.weight()).isEqualTo(25);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
    }

    @Test
    void removingAnEntryGivesItsWeightBack() {
        BoundedCache cache = cache(10, 100);
        hold(cache, "a", 30);
        hold(cache, "b", 20);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.weight()).isEqualTo(20);
        cache.removeAll();
        assertThat(cache.weight()).isZero();
        assertThat(cache.size()).isZero();
        assertThat(expired).isEmpty();
    }

    @Test
    void weighingAKeyThatIsNotHeldChangesNothing() {
        BoundedCache cache = cache(10, 100);
        cache.put("a", 1);

        cache.weigh("gone", 500);

        assertThat(cache.weight()).isEqualTo(1);
        assertThat(cache.containsKey("gone")).isFalse();
        assertThat(expired).isEmpty();
    }

    @Test
    void aWeightBelowOneIsRefused() {
        BoundedCache cache = cache(10, 100);
        cache.put("a", 1);
        assertThatThrownBy(() -> cache.weigh("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.weight()).isEqualTo(1);
    }

    @Test
    void bothBoundsHoldTogetherAndPutIfAbsentAndComputeIfPresentKeepTheWeights() {
        BoundedCache cache = cache(3, 100);
        hold(cache, "a", 50);
        assertThat(cache.putIfAbsent("a", 9)).isFalse();
        assertThat(cache.putIfAbsent("b", 2)).isTrue();
        cache.weigh("b", 30);
        cache.<String>computeIfPresent("a", value -> value + " again");
        assertThat(cache.weight()).isEqualTo(80);
        cache.<Integer>computeIfPresent("b", value -> null);
        assertThat(cache.weight()).isEqualTo(50);
        cache.put("c", 3);
        cache.put("d", 4);
        cache.put("e", 5); // four entries: the least recently used, "a", goes for the count

        assertThat(expired).containsExactly("a");
        assertThat(cache.weight()).isEqualTo(3);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new BoundedCache(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedCache(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenersHearOfEvictionsOnceTheCacheIsWithinItsBoundsAgain() {
        BoundedCache cache = new BoundedCache(10, 100);
        List<Long> weightsSeen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                weightsSeen.add(cache.weight());
            }
        });
        hold(cache, "a", 40);
        hold(cache, "b", 30);
        hold(cache, "c", 90);

        assertThat(weightsSeen).containsExactly(90L, 90L);
    }
}
