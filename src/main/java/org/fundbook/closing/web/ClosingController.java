package org.fundbook.closing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.closing.query.ClosingPreviewView;
import org.fundbook.closing.query.ClosingQueries;
import org.fundbook.closing.query.ClosingStatementView;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.web.Requests;
import org.fundbook.platform.LedgerWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Book closing: start (the preview), confirm (the statement, fixed forever) or cancel. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/closings")
class ClosingController {

    record Start(@NotNull UUID transactionId, @NotNull LocalDate closingDate) {
    }

    record Confirm(@NotNull UUID transactionId,
                   @NotNull @Min(value = 0, message = Requests.COUNTED_RIEL_RANGE)
                   @Max(value = Requests.MAX_RIEL, message = Requests.COUNTED_RIEL_RANGE)
                   Long countedCash,
                   @NotNull PayoutMode payoutMode) {
    }

    record Cancel(@NotNull UUID transactionId) {
    }

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final ClosingQueries closings;
    private final Clock clock;

    ClosingController(LedgerWriter writer, LedgerQueries queries, ClosingQueries closings, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.closings = closings;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<String> start(@PathVariable UUID groupId, @Valid @RequestBody Start request) {
        return writer.write(groupId, request.transactionId(), "/api/v1/groups/" + groupId + "/closings", request,
                false, new GroupCommand.StartClosing(groupId, request.transactionId(), request.closingDate(),
                        LocalDate.now(clock)),
                result -> closings.closingInProgress(groupId));
    }

    @GetMapping("/current")
    ClosingPreviewView current(@PathVariable UUID groupId) {
        return closings.closingInProgress(groupId);
    }

    @PostMapping("/current/confirm")
    ResponseEntity<String> confirm(@PathVariable UUID groupId, @Valid @RequestBody Confirm request) {
        return writer.write(groupId, request.transactionId(), "/api/v1/groups/" + groupId + "/closings/current/confirm",
                request, false, new GroupCommand.ConfirmClosing(groupId, request.transactionId(),
                        request.countedCash(), request.payoutMode()),
                (GroupEvent.BooksClosed closed) -> closings.statement(groupId, closed.periodNumber()));
    }

    @PostMapping("/current/cancel")
    ResponseEntity<String> cancel(@PathVariable UUID groupId, @Valid @RequestBody Cancel request) {
        ResponseEntity<String> written = writer.write(groupId, request.transactionId(),
                "/api/v1/groups/" + groupId + "/closings/current/cancel", request, false,
                new GroupCommand.CancelClosing(groupId, request.transactionId()),
                (GroupEvent.ClosingCancelled cancelled) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("transactionId", cancelled.transactionId());
                    body.put("periodNumber", cancelled.periodNumber());
                    body.put("closingDate", cancelled.closingDate());
                    body.put("cancelled", true);
                    body.put("group", queries.group(groupId, LocalDate.now(clock)));
                    return body;
                });
        return ResponseEntity.status(200).headers(written.getHeaders()).body(written.getBody());
    }

    @GetMapping
    List<ClosingStatementView> list(@PathVariable UUID groupId) {
        return closings.statements(groupId);
    }

    @GetMapping("/{periodNumber}")
    ClosingStatementView statement(@PathVariable UUID groupId, @PathVariable int periodNumber) {
        return closings.statement(groupId, periodNumber);
    }
}
