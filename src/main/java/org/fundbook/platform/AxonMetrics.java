package org.fundbook.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's meters for the command bus and the event processors — the same meters, names and tags as Axon's own
 * registry — with the capacity gauges measured over a short window. Axon's {@link CapacityMonitor} keeps the
 * processing time of every message of its window in memory, and its default window is ten minutes: at about a
 * thousand writes a second that was some 125 MB of a 512 MB heap, and a journal check catching up at 25,000
 * events a second would hold fifteen million entries. The gauge is a share of time spent busy; Prometheus reads
 * it every 15 s, so a window of seconds tells as much. (The query bus, which carries nothing here, keeps Axon's.)
 *
 * <p>Axon creates its counters and timers with the first message, so a fresh node's dashboard showed "no data"
 * until the first write. They are registered here at once, at zero, under the same names, configuration and tag
 * keys, with {@code payloadType="none"} (a type no message has): the series exist from the start and the real ones
 * join them, summed by the dashboard. So does a capacity gauge at zero (its id, with that payload type, is never one
 * of Axon's). The latency gauge is tagged by processor only: one registered here would be the one kept and hide
 * Axon's, so it still appears with the first event.
 */
public class AxonMetrics extends GlobalMetricRegistry {

    private final Duration capacityWindow;

    public AxonMetrics(MeterRegistry registry, Duration capacityWindow) {
        super(registry);
        if (capacityWindow.isNegative() || capacityWindow.isZero()) {
            throw new IllegalArgumentException("the capacity window must be positive: " + capacityWindow);
        }
        this.capacityWindow = capacityWindow;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, message -> Tags.empty(), message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                        .clock(getRegistry().config().clock()).tagsBuilder(latencyTags).build(),
                capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags));
        registerAtZero(name, tags.apply(GenericEventMessage.asEventMessage(new None())));
        return new MultiMessageMonitor<>(monitors);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return registerCommandBus(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name,
                                                                       Function<Message<?>, Iterable<Tag>> tags) {
        List<MessageMonitor<? super CommandMessage<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags));
        registerAtZero(name, tags.apply(GenericCommandMessage.asCommandMessage(new None())));
        return new MultiMessageMonitor<>(monitors);
    }

    /** The payload of the placeholder message whose tags the zero series take: {@code payloadType="none"}. */
    private record None() {
    }

    /**
     * Axon's counters and timers of this component (as MessageCountingMonitor and MessageTimerMonitor build them),
     * and its capacity gauge when the tags name a payload type (so that the placeholder can never be a real id).
     */
    private void registerAtZero(String name, Iterable<Tag> placeholderTags) {
        Tags tags = Tags.of(placeholderTags);
        if (tags.stream().anyMatch(tag -> tag.getKey().equals("payloadType"))) {
            tags = tags.and("payloadType", "none");
            Gauge.builder(name + ".capacity", () -> 0).tags(tags).register(getRegistry());
        }
        for (String counter : List.of("ingestedCounter", "successCounter", "failureCounter", "processedCounter",
                "ignoredCounter")) {
            Counter.builder(name + "." + counter).tags(tags).register(getRegistry());
        }
        for (String timer : List.of("allTimer", "successTimer", "failureTimer", "ignoredTimer")) {
            Timer.builder(name + "." + timer).distributionStatisticExpiry(Duration.of(10, ChronoUnit.MINUTES))
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(tags).register(getRegistry());
        }
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(name, getRegistry(), capacityWindow.toMillis(), TimeUnit.MILLISECONDS,
                getRegistry().config().clock(), tags);
    }
}
