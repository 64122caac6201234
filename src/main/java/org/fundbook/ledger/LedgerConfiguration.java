package org.fundbook.ledger;

import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How groups are loaded: a snapshot only when it has the aggregate's current shape, else from the events. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    SnapshotFilter groupSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                .type(GroupAggregate.class.getSimpleName())
                .revision(GroupAggregate.SNAPSHOT_REVISION)
                .build();
    }
}
