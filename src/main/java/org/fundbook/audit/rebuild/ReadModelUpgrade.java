package org.fundbook.audit.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After an upgrade that added a read model, its rows for the history already recorded come from the events: the
 * first node to start rebuilds the read models once (writers wait meanwhile, readers see the rebuilt state when it
 * commits) and notes the shape they now have. Before the demo is seeded, so that it never seeds a half-built ledger.
 */
@Component
class ReadModelUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpgrade.class);

    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;

    ReadModelUpgrade(ProjectionRebuild rebuild, JdbcTemplate jdbc) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void rebuildWhenTheShapeChanged() {
        Integer version = jdbc.queryForObject("SELECT version FROM read_model_version", Integer.class);
        if (version != null && version >= ProjectionRebuild.READ_MODEL_VERSION) {
            return;
        }
        log.info("The read models were built for shape {}; rebuilding them for shape {} from the events",
                version, ProjectionRebuild.READ_MODEL_VERSION);
        ProjectionRebuild.Result result = rebuild.rebuild();
        jdbc.update("UPDATE read_model_version SET version = ? WHERE version < ?",
                ProjectionRebuild.READ_MODEL_VERSION, ProjectionRebuild.READ_MODEL_VERSION);
        log.info("Read models rebuilt from {} events in {} ms", result.events(), result.tookMillis());
    }
}
