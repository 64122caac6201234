package org.fundbook.group.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.platform.LedgerWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How every single write is recorded and answered, whichever feature's endpoint takes it: through its
 * {@link Write}, answered 201 with what was recorded and the group's balances after it.
 */
@Component
public class Movements {

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final Clock clock;

    Movements(LedgerWriter writer, LedgerQueries queries, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.clock = clock;
    }

    /** @param pathId the loan or grant the path names, null for a write to a fixed path */
    public <R extends Write.Request> ResponseEntity<String> record(UUID groupId, UUID pathId, R request,
                                                                   Write<R> write) {
        return writer.write(groupId, request.transactionId(), write.path(groupId, pathId), request, false,
                write.command().of(groupId, pathId, request, today()),
                (GroupEvent event) -> write.answer().of(event, queries.balances(groupId)));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
