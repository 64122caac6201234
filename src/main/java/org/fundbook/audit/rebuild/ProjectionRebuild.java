package org.fundbook.audit.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.fundbook.platform.AxonConfiguration;
import org.fundbook.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models the API serves (every handler of the subscribing processing group
 * {@link AxonConfiguration#LEDGER_PROJECTIONS}) from the event store, in one database transaction: the projection
 * tables are locked (every write takes a share of {@code group_view}'s table lock in its first request, so a
 * rebuild waits for the writes in flight and later writers wait for it), emptied by
 * the projections' own reset handlers, and every stored event is replayed in global order through the very
 * handlers the live processor uses. Readers wait for the commit and then see the rebuilt state; if anything
 * fails, nothing changes. {@code idempotent_request} is not a projection and is never touched.
 */
@Component
public class ProjectionRebuild {

    /**
     * The tables the rebuild recreates. Kept here to refuse a rebuild whose {@code TRUNCATE ... CASCADE} would
     * reach a table that is not a projection (one with a foreign key to these), which would lose data.
     */
    public static final List<String> TABLES = List.of("group_view", "policy_version", "member_view",
            "savings_movement", "loan_view", "loan_repayment", "closing_preview", "closing_statement",
            "premium_payment", "allocation_fact", "meeting_view", "grant_view", "grant_recovery", "metric_day",
            "cash_count_view");

    /**
     * The shape of the read models: raised whenever a table is added whose rows an existing ledger must get from
     * its events. A node that starts on read models of an older shape rebuilds them once ({@link ReadModelUpgrade}).
     */
    public static final int READ_MODEL_VERSION = 3;

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    public record Result(String processingGroup, List<String> projections, long events, long tookMillis) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStorageEngine storage,
                             TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.processing = processing;
        this.storage = storage;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public Result rebuild() {
        long started = System.nanoTime();
        AbstractEventProcessor processor = processing
                .eventProcessor(AxonConfiguration.LEDGER_PROJECTIONS, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + AxonConfiguration.LEDGER_PROJECTIONS));
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        Long replayed;
        // the reader takes its connection first: once the tables are locked, requests that wait for them hold
        // the pool's other connections
        try (EventReader events = new EventReader(storage, transactions)) {
            replayed = transactions.execute(status -> {
                // The strongest lock the reset's TRUNCATE needs, taken at once and group_view first: a writer that
                // already read group_view is let through before us, where upgrading a weaker lock later could
                // deadlock.
                jdbc.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE");
                refuseCascadeOutsideProjections();
                invoker.performReset();
                events.start();
                long count = 0;
                for (TrackedEventMessage<?> event = events.next(); event != null; event = events.next()) {
                    replay(invoker, event);
                    count++;
                }
                return count;
            });
        }
        long events = replayed == null ? 0 : replayed;
        Result result = new Result(AxonConfiguration.LEDGER_PROJECTIONS, projections(invoker), events,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        log.info("Rebuilt the read models of {} from {} events in {} ms", result.processingGroup(), events,
                result.tookMillis());
        return result;
    }

    /**
     * Reads the stored events on a thread and connection of its own, deserialized ahead of the replay: the
     * replay's transaction then talks to PostgreSQL only to write (its held-back writes and folded row changes
     * go out in large batches), and reading and decoding run beside it. The event store does not change
     * meanwhile: every writer waits for the projection tables this rebuild has locked.
     */
    private static final class EventReader implements AutoCloseable {

        private static final Object END = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(10_000);
        private final CountDownLatch connected = new CountDownLatch(1);
        private final CountDownLatch locked = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean closed;

        /** Starts the reader and waits until it holds a connection (one transaction for the whole read). */
        EventReader(EventStorageEngine storage, TransactionTemplate transactions) {
            thread = new Thread(() -> {
                try {
                    transactions.executeWithoutResult(status -> read(storage));
                } catch (Throwable e) {
                    hand(e);
                }
            }, "projection-rebuild-reader");
            thread.setDaemon(true);
            thread.start();
            try {
                if (!connected.await(60, TimeUnit.SECONDS)) {
                    closed = true;
                    throw new IllegalStateException("the event reader found no free database connection");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the event reader", e);
            }
        }

        private void read(EventStorageEngine storage) {
            connected.countDown();
            try {
                // no reading before the projection tables are locked: from then on no event is added
                while (!locked.await(100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> all = events.iterator();
                while (all.hasNext() && !closed) {
                    TrackedEventMessage<?> event = all.next();
                    event.getPayload();
                    event.getMetaData();
                    hand(event);
                }
            }
            hand(END);
        }

        /** The projection tables are locked: read. */
        void start() {
            locked.countDown();
        }

        private void hand(Object item) {
            try {
                while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the replay is behind; wait for room unless it gave up
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next event in global order, or null after the last. */
        TrackedEventMessage<?> next() {
            Object item;
            try {
                do {
                    item = queue.poll(1, TimeUnit.SECONDS);
                    if (item == null && !thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("the event reader stopped without finishing");
                    }
                } while (item == null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the event store", e);
            }
            if (item == END) {
                return null;
            }
            if (item instanceof Throwable failure) {
                throw new IllegalStateException("reading the event store failed", failure);
            }
            return (TrackedEventMessage<?>) item;
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** In a unit of work of its own, as the live processor would, so that handlers see the same context. */
    private static void replay(EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
        if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
            return;
        }
        ResultMessage<Object> outcome = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
            invoker.handle(event, Segment.ROOT_SEGMENT);
            return null;
        });
        if (outcome.isExceptional()) {
            Throwable cause = outcome.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("replaying " + event.getIdentifier() + " failed", cause);
        }
    }

    private void refuseCascadeOutsideProjections() {
        List<String> referencing = jdbc.queryForList("""
                SELECT DISTINCT c.conrelid::regclass::text || ' -> ' || c.confrelid::regclass::text
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.confrelid::regclass::text = ANY (?)
                  AND NOT (c.conrelid::regclass::text = ANY (?))""", String.class,
                TABLES.toArray(String[]::new), TABLES.toArray(String[]::new));
        if (!referencing.isEmpty()) {
            throw new ApiProblem(409, "REBUILD_UNSAFE", "Emptying the projections would cascade into tables that are "
                    + "not projections: " + referencing + ". Add them to the rebuild or drop the foreign key.");
        }
    }

    private static List<String> projections(EventHandlerInvoker invoker) {
        List<String> names = new ArrayList<>();
        collect(invoker, names);
        return names;
    }

    private static void collect(EventHandlerInvoker invoker, List<String> names) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, names));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            for (EventMessageHandler handler : simple.eventHandlers()) {
                names.add(handler.getTargetType().getSimpleName());
            }
        }
    }
}
