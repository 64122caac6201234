package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration that gives the write side its own table: on a database written before it, every group's stream
 * gets a row at its last stored event, and nothing else does.
 */
class LedgerStreamMigrationTest extends IntegrationTest {

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void everyRecordedGroupGetsItsStreamAtItsLastEvent() {
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE DATABASE " + database);
        SingleConnectionDataSource old = new SingleConnectionDataSource(
                postgres.getJdbcUrl("postgres", database), "postgres", "", true);
        try {
            migrate(old, "14");
            JdbcTemplate db = new JdbcTemplate(old);
            String longer = UUID.randomUUID().toString();
            String shorter = UUID.randomUUID().toString();
            for (int sequence = 0; sequence < 5; sequence++) {
                store(db, longer, sequence, "GroupAggregate");
            }
            store(db, shorter, 0, "GroupAggregate");
            // not a group's stream (and not a UUID): left out
            store(db, "saga-or-other", 0, "SomethingElse");

            migrate(old, "latest");

            assertThat(db.queryForList("SELECT group_id || ' ' || last_sequence FROM ledger_stream ORDER BY 1",
                    String.class)).containsExactlyInAnyOrderElementsOf(List.of(longer + " 4", shorter + " 0"));
        } finally {
            old.destroy();
            jdbc.execute("DROP DATABASE " + database);
        }
    }

    @Test
    void theEventsOfAGroupAreStoredAsTheTypeTheMigrationSelects() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        group.member("Sokha", "MEMBER", "2024-01-01");

        assertThat(jdbc.queryForList("SELECT DISTINCT type FROM domain_event_entry WHERE aggregateIdentifier = ?",
                String.class, group.groupId)).containsExactly("GroupAggregate");
    }

    private static void migrate(SingleConnectionDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private static void store(JdbcTemplate db, String aggregate, long sequence, String type) {
        db.update("""
                INSERT INTO domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                    payload, payloadRevision, payloadType, timeStamp)
                VALUES (?, ?, ?, ?, NULL, convert_to('{}', 'UTF8'), NULL, 'org.fundbook.Test', '2024-01-01T00:00:00Z')""",
                aggregate, sequence, type, UUID.randomUUID().toString());
    }
}
