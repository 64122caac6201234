package org.fundbook.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The groups most recently written on this node, least recently used dropped first. Axon's own weak-reference
 * cache loses its entries at the next young collection, which makes it no cache at all for a busy node.
 *
 * <p>Two bounds: a number of entries, and a total weight. A cached group holds every transaction it ever
 * recorded, so what it costs in memory grows with its history, not with the number of groups; its weight is
 * its number of events, told by {@link #weigh} after each write (an entry not yet weighed counts 1). An entry
 * heavier than the whole budget is not kept at all; otherwise the least recently used entries go until both
 * bounds hold.
 */
public class BoundedCache implements Cache, MeterBinder {

    private final int capacity;
    private final long maxWeight;
    private final LinkedHashMap<Object, Object> entries;
    private final Map<Object, Long> weights = new HashMap<>();
    private long totalWeight;
    private long hits;
    private long misses;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param capacity  the most entries held
     * @param maxWeight the most total weight held (events, for cached groups)
     */
    public BoundedCache(int capacity, long maxWeight) {
        if (capacity < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("a cache needs room for at least one entry of weight 1");
        }
        this.capacity = capacity;
        this.maxWeight = maxWeight;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            hits++;
            listeners.forEach(l -> l.onEntryRead(key, value));
        } else {
            misses++;
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        Objects.requireNonNull(value, "a cache entry needs a value");
        Object previous = entries.put(key, value);
        if (previous == null) {
            // a new entry counts 1 until weighed; a replaced one keeps its weight until weighed again
            weights.put(key, 1L);
            totalWeight++;
        }
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
        evictBeyondBounds();
    }

    /**
     * Sets the weight of a held entry (nothing happens when the key is not held) and drops entries until the
     * bounds hold again: the entry itself when it alone is heavier than the budget, else the least recently used.
     */
    public synchronized void weigh(Object key, long weight) {
        if (weight < 1) {
            throw new IllegalArgumentException("an entry weighs at least 1, not " + weight);
        }
        Long previous = weights.get(key);
        if (previous == null) {
            return;
        }
        if (weight > maxWeight) {
            expire(key);
            return;
        }
        weights.put(key, weight);
        totalWeight += weight - previous;
        evictBeyondBounds();
    }

    private void evictBeyondBounds() {
        List<Object> evicted = new ArrayList<>();
        Iterator<Object> eldestFirst = entries.keySet().iterator();
        while ((entries.size() > capacity || totalWeight > maxWeight) && eldestFirst.hasNext()) {
            Object key = eldestFirst.next();
            eldestFirst.remove();
            totalWeight -= weights.remove(key);
            evicted.add(key);
        }
        // told once the cache is consistent again, so a listener may use it
        evicted.forEach(key -> listeners.forEach(l -> l.onEntryExpired(key)));
    }

    private void expire(Object key) {
        entries.remove(key);
        totalWeight -= weights.remove(key);
        listeners.forEach(l -> l.onEntryExpired(key));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            totalWeight -= weights.remove(key);
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = entries.get(key);
        if (value != null) {
            Object updated = update.apply((V) value);
            if (updated == null) {
                remove(key);
            } else {
                put(key, updated);
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The weight of everything held: for the group cache, the events its groups were built from. */
    public synchronized long weight() {
        return totalWeight;
    }

    private synchronized long hits() {
        return hits;
    }

    private synchronized long misses() {
        return misses;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fundbook.group.cache.size", this, BoundedCache::size)
                .description("groups held by this node's cache").register(registry);
        Gauge.builder("fundbook.group.cache.events", this, BoundedCache::weight)
                .description("events the groups held by this node's cache were built from").register(registry);
        FunctionCounter.builder("fundbook.group.cache.gets", this, BoundedCache::hits).tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("fundbook.group.cache.gets", this, BoundedCache::misses).tag("result", "miss")
                .register(registry);
    }
}
