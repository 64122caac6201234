package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class AxonMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AxonMetrics metrics = new AxonMetrics(registry, Duration.ofSeconds(10));

    @Test
    void capacityIsTheShareOfTheWindowSpentHandlingAndForgetsWhatIsOlderThanTheWindow() {
        MessageMonitor<? super CommandMessage<?>> monitor = metrics.registerCommandBus("commandBus");
        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(
                GenericCommandMessage.asCommandMessage("record a contribution"));
        clock.add(Duration.ofSeconds(2));
        handling.reportSuccess();

        assertThat(registry.get("commandBus.capacity").gauge().value()).isEqualTo(0.2);
        assertThat(registry.get("commandBus.ingestedCounter").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").timer().count()).isEqualTo(1);

        clock.add(Duration.ofSeconds(11)); // Axon's default window would still hold it for ten minutes
        assertThat(registry.get("commandBus.capacity").gauge().value()).isZero();
    }

    @Test
    void anEventProcessorKeepsAxonsMetersWithTheirTags() {
        MessageMonitor<? super EventMessage<?>> monitor = metrics.registerEventProcessor("ledger-check",
                message -> Tags.of("payloadType", message.getPayloadType().getSimpleName()), message -> Tags.empty());
        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(
                GenericEventMessage.asEventMessage("an event"));
        clock.add(Duration.ofSeconds(1));
        handling.reportFailure(new IllegalStateException("refused"));

        assertThat(registry.get("ledger-check.capacity").tag("payloadType", "String").gauge().value())
                .isEqualTo(0.1);
        assertThat(registry.get("ledger-check.failureCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("ledger-check.latency").gauge()).isNotNull();
        assertThat(registry.get("ledger-check.allTimer").timer().count()).isEqualTo(1);
    }

    @Test
    void aWindowMustBeLongerThanNothing() {
        assertThatThrownBy(() -> new AxonMetrics(registry, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
