package org.fundbook.platform;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL through its JDBC storage engine: tables owned by Flyway, Jackson for every payload,
 * the request's actor and ids copied from each command onto the events it causes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Processing group of the projections the API reads: updated in the command's own transaction. */
    public static final String LEDGER_PROJECTIONS = "ledger-projections";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .build();
    }

    /** Axon's JDBC engine as its auto-configuration builds it, with appended events held for the next round trip. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          BufferedWrites writes) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        return new BufferedEventStorageEngine(builder, eventSchema, transactionManager, writes);
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, except that each streaming processor reads
     * the stored events itself, in batches, when it is ready for them. With Axon's default ("optimized")
     * consumption a producer thread reads ahead for all processors: it re-reads after every commit (a query or
     * two per write), and while a processor catches up on a long backlog (a new node, a reset check) it kept
     * hundreds of thousands of events in memory, more than a 512 MB heap holds.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${fundbook.event-store.read-ahead:false}") boolean readAhead) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(readAhead)
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("token_entry").build();
    }

    /**
     * Segment claims name their node. Axon's default name, pid@host, is the same for two nodes whose containers
     * share a hostname and run as pid 1 (or two contexts in one JVM): both would then process the same segments.
     * The default here adds a random part, so every process is a node of its own; claims of a stopped node expire.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          @Value("${fundbook.node-id:}") String nodeId,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        String node = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).schema(schema)
                .claimTimeout(claimTimeout).nodeId(node).build();
    }

    /** One ObjectMapper for stored events, snapshots and tokens: fields, not getters, are the record. */
    static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    CorrelationDataProvider requestCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Groups recently written on this node, so a write need not replay the stream. {@link LedgerWriter} drops a
     * cached group whose last event is not the one the database has (another node wrote, or a write of ours
     * rolled back). Behind that: a copy that is behind would collide on the stream's unique sequence number, and
     * the read model refuses any event that does not follow the last one it applied, so a copy that is ahead
     * cannot commit either.
     *
     * <p>Bounded by the events the cached groups were built from, since a cached group keeps every transaction it
     * recorded (about {@value #CACHED_EVENT_BYTES} bytes of heap each), and by their number. Unless set, the event
     * bound is what a quarter of the heap holds.
     */
    @Bean
    AggregateCache groupCache(@Value("${fundbook.group-cache-size:10000}") int groups,
                              @Value("${fundbook.group-cache-events:0}") long events) {
        if (events < 0) {
            throw new IllegalArgumentException("fundbook.group-cache-events must be 0 (a quarter of the heap) or more");
        }
        return new AggregateCache(events > 0 ? events : Runtime.getRuntime().maxMemory() / 4 / CACHED_EVENT_BYTES,
                groups);
    }

    /**
     * Heap per event of a cached group: measured ~200 bytes for a contribution, ~300 or more for a transaction
     * that moves pools (docs/performance.md, "The group cache").
     */
    static final int CACHED_EVENT_BYTES = 300;

    /** Axon's meters, with a capacity window that does not keep minutes of messages in memory. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry,
                                              @Value("${fundbook.metrics.capacity-window:10s}") Duration window) {
        return new AxonMetrics(registry, window);
    }

    @Bean
    SnapshotTriggerDefinition groupSnapshotTrigger(Snapshotter snapshotter,
                                                   @Value("${fundbook.snapshot-threshold:200}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Streaming processors run pooled, sharing segments through the token store; the API's projections are
     * subscribing, so a write and its projection rows commit together (read-your-writes), and a projection
     * failure rolls the write back instead of being logged and forgotten.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerSubscribingEventProcessor(LEDGER_PROJECTIONS)
                .registerListenerInvocationErrorHandler(LEDGER_PROJECTIONS, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(LEDGER_PROJECTIONS, c -> PropagatingErrorHandler.instance()));
    }
}
