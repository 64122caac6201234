package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class SchemaTest extends IntegrationTest {

    @Test
    void noColumnIsALargeObject() {
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND udt_name = 'oid'""", String.class);
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void eventPayloadsMetadataAndTokensAreBytea() {
        List<String> bytea = jdbc.queryForList("""
                SELECT lower(table_name || '.' || column_name) FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'bytea'""", String.class);
        assertThat(bytea).contains("domain_event_entry.payload", "domain_event_entry.metadata",
                "snapshot_event_entry.payload", "snapshot_event_entry.metadata", "token_entry.token");
    }

    @Test
    void globalEventIndexComesFromASequenceIncrementingByOne() {
        Long increment = jdbc.queryForObject("""
                SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_global_index_seq'""",
                Long.class);
        assertThat(increment).isEqualTo(1L);
        String columnDefault = jdbc.queryForObject("""
                SELECT column_default FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'globalindex'""", String.class);
        assertThat(columnDefault).contains("domain_event_entry_global_index_seq");
    }

    @Test
    void eachGroupStreamHasOneEventPerSequenceNumber() {
        Integer unique = jdbc.queryForObject("""
                SELECT count(*) FROM pg_indexes WHERE tablename = 'domain_event_entry'
                AND indexdef ILIKE '%UNIQUE%(aggregateidentifier, sequencenumber)%'""", Integer.class);
        assertThat(unique).isEqualTo(1);
    }
}
