package org.fundbook.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.AbstractCacheAdapter;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * Axon's aggregate cache on Caffeine, bounded by the events its aggregates were built from: a cached aggregate
 * keeps what it recorded, so what it costs in memory grows with its history, not with the number of aggregates.
 * An entry weighs its aggregate's events (its version + 1, read from the {@link AggregateCacheEntry} Axon puts),
 * and at least {@code maxEvents / maxAggregates}, so that neither more events nor more aggregates than given are
 * held. An aggregate heavier than the whole budget is not kept. Which entries go when the budget is full is
 * Caffeine's choice (W-TinyLFU: recency and frequency), not strictly the least recently used.
 *
 * <p>Caffeine runs its upkeep on the calling thread, so an entry dropped to stay within the budget is gone, and its
 * listeners told, before the write that pushed it out returns.
 */
public final class AggregateCache extends AbstractCacheAdapter<Cache.EntryListener> implements MeterBinder {

    /** Axon keeps the version in a private field; read once, here, and checked by a test on every upgrade. */
    private static final Field VERSION = versionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param maxEvents     the most events the cached aggregates together were built from
     * @param maxAggregates the most aggregates held
     */
    public AggregateCache(long maxEvents, int maxAggregates) {
        if (maxEvents < 1 || maxAggregates < 1) {
            throw new IllegalArgumentException("a cache needs room for at least one aggregate of one event");
        }
        long leastWeight = Math.max(1, -Math.floorDiv(-maxEvents, maxAggregates));
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxEvents)
                .weigher((key, value) -> (int) Math.min(Integer.MAX_VALUE, Math.max(leastWeight, events(value))))
                .executor(Runnable::run)
                .removalListener(this::removed)
                .recordStats()
                .build();
    }

    /** The events the cached value was built from: an aggregate's version + 1; anything else counts one. */
    static long events(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            try {
                Long version = (Long) VERSION.get(entry);
                return version == null ? 1 : version + 1;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return 1;
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field: the group cache "
                    + "cannot weigh its entries", e);
        }
    }

    private void removed(Object key, Object value, RemovalCause cause) {
        switch (cause) {
            case REPLACED -> {
                // a newer value of the same key: told by put
            }
            case EXPLICIT -> listeners.forEach(listener -> listener.onEntryRemoved(key));
            default -> listeners.forEach(listener -> listener.onEntryExpired(key));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = cache.getIfPresent(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "a cache entry needs a value");
        Object previous = cache.asMap().put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(value, "a cache entry needs a value");
        boolean added = cache.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        return cache.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        cache.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated = cache.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
        if (updated != null) {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    protected EntryListener createListenerAdapter(EntryListener listener) {
        return listener;
    }

    @Override
    protected Registration doRegisterListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The aggregates held. */
    public long size() {
        return cache.estimatedSize();
    }

    /** The events the aggregates held were built from. */
    public long events() {
        return cache.asMap().values().stream().mapToLong(AggregateCache::events).sum();
    }

    /** Finishes pending upkeep at once (Caffeine otherwise does it on its next write). */
    public void cleanUp() {
        cache.cleanUp();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fundbook.group.cache.size", this, AggregateCache::size)
                .description("groups held by this node's cache").register(registry);
        Gauge.builder("fundbook.group.cache.events", this, cache -> cache.events())
                .description("events the groups held by this node's cache were built from").register(registry);
        FunctionCounter.builder("fundbook.group.cache.gets", cache, c -> c.stats().hitCount()).tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("fundbook.group.cache.gets", cache, c -> c.stats().missCount()).tag("result", "miss")
                .register(registry);
        FunctionCounter.builder("fundbook.group.cache.evictions", cache, c -> c.stats().evictionCount())
                .description("groups dropped to keep within the cache's bounds").register(registry);
    }
}
