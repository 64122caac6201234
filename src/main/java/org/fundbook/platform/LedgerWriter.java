package org.fundbook.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.fundbook.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one write exactly once. In a single database transaction it locks the group's stream (its row in the
 * write side's {@code ledger_stream}, so writers to one group, on any node, take turns), answers a replay from the
 * stored first answer, runs the command (whose events and projection rows join this transaction), moves the
 * stream to its new last event, and stores the answer under the transaction id. Either all of it commits before
 * the client sees 2xx, or none of it does. Conflicts are retried.
 */
@Component
public class LedgerWriter {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int ATTEMPTS = 8;

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final BufferedWrites writes;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final ActingUser caller;
    private final Cache groupCache;
    /** The last event sequence of each group as this node left it; the cached aggregate matches it. */
    private final Map<UUID, Long> cachedSequence = new ConcurrentHashMap<>();

    public LedgerWriter(TransactionTemplate transactions, JdbcTemplate jdbc, BufferedWrites writes,
                        CommandGateway commands,
                        ObjectMapper json, ActingUser caller, @Qualifier("groupCache") Cache groupCache) {
        this.groupCache = groupCache;
        // what the cache no longer holds needs no noted sequence
        groupCache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                cachedSequence.remove(UUID.fromString(key.toString()));
            }

            @Override
            public void onEntryRemoved(Object key) {
                cachedSequence.remove(UUID.fromString(key.toString()));
            }
        });
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.writes = writes;
        this.commands = commands;
        this.json = json;
        this.caller = caller;
    }

    /** What a write did: the command's result, handed to the code that builds the answer. */
    public interface Answer<R> {
        Object body(R result);
    }

    /**
     * @param groupId       the group written to
     * @param transactionId the client's id for this write; the idempotency key
     * @param request       the validated request, whose canonical JSON (with the path) is the fingerprint
     * @param newGroup      true for a group's registration, the only write to a group that does not exist yet
     * @param command       the command to send
     * @param answer        builds the 201 body from the command's result, reading projections in this transaction
     */
    public <R> ResponseEntity<String> write(UUID groupId, UUID transactionId, String path, Object request,
                                            boolean newGroup, Object command, Answer<R> answer) {
        String fingerprint = fingerprint(path, request);
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome;
                try {
                    outcome = transactions.execute(status -> once(groupId, transactionId, fingerprint, newGroup,
                            command, answer));
                } catch (RuntimeException e) {
                    // the cached group may hold events that never committed
                    forget(groupId);
                    throw e;
                }
                return outcome.toResponse();
            } catch (ConcurrencyException | ConcurrencyFailureException | DuplicateKeyException
                     | ConflictingModificationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Write {} to group {} met a concurrent write; attempt {}", transactionId, groupId, attempt);
                backOff(attempt);
            }
        }
    }

    /** What an earlier request under one of a batch's keys recorded, and whether it was the same request. */
    public record Recorded(int status, String body, boolean sameRequest) {
    }

    /** One write of a batch: its idempotency key and its request's {@link #fingerprint}. */
    public record Keyed(UUID transactionId, String fingerprint) {
    }

    /** A batch of writes to one group, recorded in one transaction by {@link #writeBatch}. */
    public interface Batch<T> {

        /** The command for what is not recorded yet, given what the batch's keys recorded before (by key). */
        Object command(Map<UUID, Recorded> earlier);

        /**
         * The answer, given the command's result, reading in this transaction; {@code record} stores a newly
         * recorded write's answer (201) under its key, to be replayed to a later request with the same key.
         */
        T answer(Object result, BiConsumer<UUID, Object> record);
    }

    /**
     * Records several writes to one group in one database transaction, as {@link #write} records one: the group's
     * stream locked, every key looked up (a key another request used, or the same request's stored answer, is
     * the batch's to answer), one command for the rest, the new answers stored, all committed before the answer.
     *
     * @param requestKey the batch's own id (a meeting's), kept on every event it records
     */
    public <T> T writeBatch(UUID groupId, UUID requestKey, List<Keyed> keys, Batch<T> batch) {
        Map<UUID, String> fingerprints = new HashMap<>();
        keys.forEach(k -> fingerprints.put(k.transactionId(), k.fingerprint()));
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    return transactions.execute(status -> batchOnce(groupId, requestKey, fingerprints, batch));
                } catch (RuntimeException e) {
                    forget(groupId);
                    throw e;
                }
            } catch (ConcurrencyException | ConcurrencyFailureException | DuplicateKeyException
                     | ConflictingModificationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Batch {} to group {} met a concurrent write; attempt {}", requestKey, groupId, attempt);
                backOff(attempt);
            }
        }
    }

    private <T> T batchOnce(UUID groupId, UUID requestKey, Map<UUID, String> fingerprints, Batch<T> batch) {
        Locked locked = lockAndLookUp(groupId, fingerprints.keySet());
        if (locked.lastSequence() == null) {
            throw new StreamNotFound(groupId);
        }
        Map<UUID, Recorded> earlier = new HashMap<>();
        for (Earlier e : locked.earlier()) {
            earlier.put(e.transactionId(), new Recorded(e.status(), e.body(),
                    e.requestHash().equals(fingerprints.get(e.transactionId())) && e.groupId().equals(groupId)));
        }
        Object result = send(groupId, false, locked.lastSequence(), requestKey, batch.command(earlier));
        return batch.answer(result, (transactionId, body) -> {
            String fingerprint = fingerprints.get(transactionId);
            if (fingerprint == null || earlier.containsKey(transactionId)) {
                throw new IllegalArgumentException("no new write of this batch has the key " + transactionId);
            }
            writes.update("INSERT INTO idempotent_request (transaction_id, group_id, request_hash, status, body) "
                    + "VALUES (?, ?, ?, ?, ?)", transactionId, groupId, fingerprint, 201, serialize(body));
        });
    }

    private <R> Outcome once(UUID groupId, UUID transactionId, String fingerprint, boolean newGroup, Object command,
                             Answer<R> answer) {
        // Lock the group's stream (writers to a group take turns, on any node), then look the transaction id up:
        // both in one round trip, but as two statements, so the lookup's snapshot is taken after the lock is
        // granted and sees the answer of a writer of the same request that held the lock before us. (A join in
        // the locking statement would read that table as of before the wait.) A group being registered has no
        // row to lock yet: two registrations of it meet at the stream's unique keys, and the one that loses is
        // retried and finds the other's answer.
        Locked locked = lockAndLookUp(groupId, List.of(transactionId));
        if (!newGroup && locked.lastSequence() == null) {
            throw new StreamNotFound(groupId);
        }
        Outcome earlier = earlierAnswer(locked.earlier(), transactionId, groupId, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        R result = send(groupId, newGroup, locked.lastSequence(), transactionId, command);
        String body = serialize(answer.body(result));
        // travels with the commit
        writes.update("INSERT INTO idempotent_request (transaction_id, group_id, request_hash, status, body) "
                + "VALUES (?, ?, ?, ?, ?)", transactionId, groupId, fingerprint, 201, body);
        return new Outcome(201, body, false);
    }

    /**
     * Sends the command on the locked stream, and moves the stream's position with the events it recorded.
     *
     * @param locked     the stream's last event as locked, null for a group being registered
     * @param requestKey the request's idempotency key, kept on every event it records
     */
    private <R> R send(UUID groupId, boolean newGroup, Long locked, UUID requestKey, Object command) {
        long lastSequence;
        if (newGroup) {
            if (locked != null) {
                throw new IdempotencyKeyReused("group " + groupId + " is already registered");
            }
            lastSequence = -1;
        } else {
            lastSequence = locked;
            if (!Long.valueOf(lastSequence).equals(cachedSequence.get(groupId))) {
                // another node wrote to this group since, or this node never did
                forget(groupId);
            }
        }
        R result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                RequestMetadata.of(caller.username(), CorrelationIdFilter.current(), requestKey.toString())));
        // the stream's new last event, as the event store appended it (a command may record several, or none)
        long newSequence = AppendedEvents.lastSequence(groupId.toString()).orElse(lastSequence);
        if (newSequence < 0) {
            throw new IllegalStateException("registering group " + groupId + " recorded no event");
        }
        // The cached group now holds this write's events. Note its sequence at once, before anything else can
        // fail: if this transaction then rolls back, the stored last sequence stays behind the noted one, and the
        // next writer — who may get the lock before our own clean-up runs — drops the cached group instead of
        // deciding on an event that was never stored.
        cachedSequence.put(groupId, newSequence);
        if (!groupCache.containsKey(groupId.toString())) {
            // the group did not fit the cache (it was dropped as it was put): nothing to keep a sequence for
            cachedSequence.remove(groupId);
        }
        // the stream's position travels with the events, held back for the next round trip
        if (newGroup) {
            writes.update("INSERT INTO ledger_stream (group_id, last_sequence) VALUES (?, ?)", groupId, newSequence);
        } else if (newSequence != lastSequence) {
            writes.update("UPDATE ledger_stream SET last_sequence = ? WHERE group_id = ?", newSequence, groupId);
        }
        return result;
    }

    private record Earlier(UUID transactionId, UUID groupId, String requestHash, int status, String body) {
    }

    private static final String LOOK_UP = "SELECT transaction_id, group_id, request_hash, status, body "
            + "FROM idempotent_request WHERE transaction_id = ANY (?)";

    private static final RowMapper<Earlier> EARLIER = (rs, i) -> new Earlier(
            rs.getObject("transaction_id", UUID.class), rs.getObject("group_id", UUID.class),
            rs.getString("request_hash"), rs.getInt("status"), rs.getString("body"));

    /** @param lastSequence the locked stream's last event, null when the group has no stream */
    private record Locked(Long lastSequence, List<Earlier> earlier) {
    }

    /**
     * The rebuild of the read models (audit.rebuild) locks their tables whole, this one first. A write takes its
     * share of it before anything else, so a rebuild waits for the writes in flight and later writes wait for the
     * rebuild. Otherwise a write whose held-back rows reach the read models' tables in another order than the
     * rebuild locks them could hold one the rebuild wants while waiting for one it already has: a deadlock, which
     * PostgreSQL breaks by failing one of the two, the rebuild as likely as the write.
     */
    static final String READ_MODELS_FIRST_TABLE = "group_view";

    private static final String LOCK_AND_LOOK_UP = "LOCK TABLE " + READ_MODELS_FIRST_TABLE + " IN ROW EXCLUSIVE MODE;\n"
            + "SELECT last_sequence FROM ledger_stream WHERE group_id = ? FOR UPDATE;\n" + LOOK_UP;

    private Locked lockAndLookUp(UUID groupId, Collection<UUID> transactionIds) {
        return jdbc.execute((ConnectionCallback<Locked>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_LOOK_UP)) {
                statement.setObject(1, groupId);
                statement.setArray(2, connection.createArrayOf("uuid", transactionIds.toArray()));
                if (statement.execute() || !statement.getMoreResults()) {
                    throw new IllegalStateException("the stream's lock returned no row set");
                }
                Long lastSequence;
                try (ResultSet rs = statement.getResultSet()) {
                    lastSequence = rs.next() ? rs.getLong(1) : null;
                }
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the transaction id lookup returned nothing");
                }
                List<Earlier> earlier = new ArrayList<>();
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        earlier.add(EARLIER.mapRow(rs, earlier.size()));
                    }
                }
                return new Locked(lastSequence, earlier);
            }
        });
    }

    /** The stored first answer to this transaction id, or null; another request under the same id is a 409. */
    private Outcome earlierAnswer(List<Earlier> found, UUID transactionId, UUID groupId, String fingerprint) {
        if (found.isEmpty()) {
            return null;
        }
        Earlier earlier = found.get(0);
        if (!earlier.requestHash().equals(fingerprint) || !earlier.groupId().equals(groupId)) {
            throw new IdempotencyKeyReused("transaction " + transactionId + " was already used for a different request");
        }
        return new Outcome(earlier.status(), earlier.body(), true);
    }

    /** The idempotency fingerprint of a request: its path and its canonical JSON. */
    public String fingerprint(String path, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(sorted(json.valueToTree(request))));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** The same JSON with every object's keys in order: how a field was placed does not make another request. */
    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = json.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = json.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    private String serialize(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    /** The groups this node noted a last sequence for (for tests: it must not outgrow the cache). */
    Map<UUID, Long> notedSequences() {
        return Map.copyOf(cachedSequence);
    }

    private void forget(UUID groupId) {
        cachedSequence.remove(groupId);
        groupCache.remove(groupId.toString());
    }

    private record Outcome(int status, String body, boolean replayed) {
        ResponseEntity<String> toResponse() {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
            if (replayed) {
                builder.header(REPLAYED_HEADER, "true");
            }
            return builder.body(body);
        }
    }

}
