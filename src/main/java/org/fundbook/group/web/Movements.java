package org.fundbook.group.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.platform.LedgerWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How every money movement is written and answered, whichever feature's endpoint takes it: 201 with what was
 * recorded and the group's balances after it.
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

    /** Writes the command under the request's transaction id, at the group's path plus {@code subPath}. */
    public <E extends GroupEvent> ResponseEntity<String> record(UUID groupId, UUID transactionId, String subPath,
                                                                Object request, GroupCommand command,
                                                                LedgerWriter.Answer<E> answer) {
        return writer.write(groupId, transactionId, "/api/v1/groups/" + groupId + subPath, request, false, command,
                answer);
    }

    /** transactionId, kind and value date first, then the movement's own fields, then the balances after it. */
    public Map<String, Object> answer(GroupEvent.GroupTransaction event, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", event.transactionId());
        body.put("kind", event.kind());
        body.put("occurredOn", event.occurredOn());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        body.put("balances", queries.balances(event.groupId()));
        return body;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
