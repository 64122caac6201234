package org.fundbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence: the chain the database recorded as events were written is recomputed in Java from the rows as
 * they are now, and the first event whose stored content changed is named. Every test puts the row back.
 */
class HashChainHttpTest extends IntegrationTest {

    /** Events 0..5: registration, member, capital, three contributions. */
    private Village groupWithSixEvents() {
        Village group = Village.register(api, "FSF");
        String member = group.member("Sok", "MEMBER");
        group.capital(100_000, "2024-01-02");
        group.contribute(member, 2_000, "2024-01-03");
        group.contribute(member, 3_000, "2024-01-04");
        group.contribute(member, 4_000, "2024-01-05");
        // the tests below change stored events: the journal check must have read them as they were written,
        // or it would rightly report the changed amounts as a disagreement, for every test after these
        try {
            awaitJournalCaughtUp(group.groupId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return group;
    }

    @Test
    void anUntouchedStreamVerifiesAndTheJavaChainIsTheDatabases() {
        Village group = groupWithSixEvents();

        JsonNode verification = group.get("/audit/verify");

        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(6);
        assertThat(verification.get("firstMismatch").isNull()).isTrue();
        byte[] last = jdbc.queryForObject("SELECT hash FROM event_hash WHERE aggregate_identifier = ? "
                + "AND sequence_number = 5", byte[].class, group.groupId);
        assertThat(verification.get("lastHash").asText()).isEqualTo(HexFormat.of().formatHex(last));
    }

    @Test
    void aChangedPayloadIsNamedByItsSequence() {
        Village group = groupWithSixEvents();
        byte[] original = payload(group, 3);
        try {
            int changed = jdbc.update("""
                    UPDATE domain_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"amount":2000', '"amount":20000'),
                        'UTF8')
                    WHERE aggregateIdentifier = ? AND sequenceNumber = 3""", group.groupId);
            assertThat(changed).isEqualTo(1);
            assertThat(payload(group, 3)).isNotEqualTo(original);

            JsonNode verification = group.get("/audit/verify");

            assertThat(verification.get("verified").asBoolean()).isFalse();
            assertThat(verification.get("events").asLong()).isEqualTo(6);
            JsonNode mismatch = verification.get("firstMismatch");
            assertThat(mismatch.get("sequence").asLong()).isEqualTo(3);
            assertThat(mismatch.get("problem").asText()).isEqualTo("CONTENT_CHANGED");
            assertThat(mismatch.get("type").asText()).isEqualTo("ContributionRecorded");
            assertThat(mismatch.get("expectedHash").asText()).isNotEqualTo(mismatch.get("storedHash").asText());
            // the trail shows what is stored now, so the tampered amount is there for all to see
            assertThat(group.get("/audit/events").get(3).get("payload").get("amount").asLong()).isEqualTo(20_000);
        } finally {
            restorePayload(group, 3, original);
        }
        assertThat(group.get("/audit/verify").get("verified").asBoolean()).isTrue();
    }

    @Test
    void changedMetadataIsNamedByItsSequence() {
        Village group = groupWithSixEvents();
        byte[] original = jdbc.queryForObject("SELECT metaData FROM domain_event_entry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 4", byte[].class, group.groupId);
        try {
            jdbc.update("""
                    UPDATE domain_event_entry
                    SET metaData = convert_to(regexp_replace(convert_from(metaData, 'UTF8'),
                        '"recordedBy":"[^"]*"', '"recordedBy":"somebody-else"'), 'UTF8')
                    WHERE aggregateIdentifier = ? AND sequenceNumber = 4""", group.groupId);

            JsonNode mismatch = group.get("/audit/verify").get("firstMismatch");

            assertThat(mismatch.get("sequence").asLong()).isEqualTo(4);
            assertThat(mismatch.get("problem").asText()).isEqualTo("CONTENT_CHANGED");
            assertThat(group.get("/audit/events").get(4).get("recordedBy").asText()).isEqualTo("somebody-else");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 4",
                    original, group.groupId);
        }
        assertThat(group.get("/audit/verify").get("verified").asBoolean()).isTrue();
    }

    @Test
    void aChangedValueDateIsNamedToo() {
        Village group = groupWithSixEvents();
        byte[] original = payload(group, 2);
        try {
            jdbc.update("""
                    UPDATE domain_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '2024-01-02', '2024-01-01'), 'UTF8')
                    WHERE aggregateIdentifier = ? AND sequenceNumber = 2""", group.groupId);

            assertThat(group.get("/audit/verify").get("firstMismatch").get("sequence").asLong()).isEqualTo(2);
        } finally {
            restorePayload(group, 2, original);
        }
    }

    @Test
    void anEventWithoutItsHashOrAHashWithoutItsEventBreaksTheChain() {
        Village group = groupWithSixEvents();
        byte[] hash = jdbc.queryForObject("SELECT hash FROM event_hash WHERE aggregate_identifier = ? "
                + "AND sequence_number = 5", byte[].class, group.groupId);
        jdbc.update("DELETE FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = 5", group.groupId);

        JsonNode missing = group.get("/audit/verify").get("firstMismatch");
        assertThat(missing.get("sequence").asLong()).isEqualTo(5);
        assertThat(missing.get("problem").asText()).isEqualTo("HASH_MISSING");

        // the migration's backfill chains what has no hash, exactly as the trigger would have
        assertThat(jdbc.queryForObject("SELECT event_hash_backfill()", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT hash FROM event_hash WHERE aggregate_identifier = ? "
                + "AND sequence_number = 5", byte[].class, group.groupId)).isEqualTo(hash);
        assertThat(group.get("/audit/verify").get("verified").asBoolean()).isTrue();

        jdbc.update("INSERT INTO event_hash (aggregate_identifier, sequence_number, hash) VALUES (?, 9, ?)",
                group.groupId, hash);
        try {
            JsonNode stray = group.get("/audit/verify").get("firstMismatch");
            assertThat(stray.get("sequence").asLong()).isEqualTo(9);
            assertThat(stray.get("problem").asText()).isEqualTo("EVENT_MISSING");
        } finally {
            jdbc.update("DELETE FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = 9", group.groupId);
        }
    }

    private byte[] payload(Village group, int sequence) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", byte[].class, group.groupId, sequence);
    }

    private void restorePayload(Village group, int sequence, byte[] original) {
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                original, group.groupId, sequence);
    }
}
