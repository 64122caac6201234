package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.query.LedgerQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The group's own box: capital received, cash counted, and the reversal of any earlier transaction. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class CashBoxController {

    private final Movements movements;

    CashBoxController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/capital")
    ResponseEntity<String> capital(@PathVariable UUID groupId, @Valid @RequestBody Requests.Capital r) {
        return movements.record(groupId, r.transactionId(), "/capital", r,
                new GroupCommand.ReceiveCapital(groupId, r.transactionId(), r.source().strip(), r.amount(),
                        r.occurredOn(), movements.today()),
                (CapitalReceived e) -> movements.answer(e, "source", e.source(), "amount", e.amount()));
    }

    @PostMapping("/cash-counts")
    ResponseEntity<String> countCash(@PathVariable UUID groupId, @Valid @RequestBody Requests.CashCount r) {
        return movements.record(groupId, r.transactionId(), "/cash-counts", r,
                new GroupCommand.CountCash(groupId, r.transactionId(), r.countedCash(), r.occurredOn(),
                        movements.today()),
                (CashCounted e) -> movements.answer(e, "expectedCash", e.expectedCash(), "countedCash",
                        e.countedCash(), "discrepancy", e.discrepancy()));
    }

    @PostMapping("/reversals")
    ResponseEntity<String> reverse(@PathVariable UUID groupId, @Valid @RequestBody Requests.Reversal r) {
        return movements.record(groupId, r.transactionId(), "/reversals", r,
                new GroupCommand.ReverseTransaction(groupId, r.transactionId(), r.reversedTransactionId(),
                        r.reason().strip(), r.occurredOn(), movements.today()),
                (TransactionReversed e) -> movements.answer(e, "reversedTransactionId", e.reversedTransactionId(),
                        "reversedKind", e.reversedKind(), "reason", e.reason(), "cashDelta", e.cashDelta(),
                        "loanPrincipalDelta", e.loanPrincipalDelta(), "memberId", e.memberId(),
                        "savingsDelta", e.savingsDelta(), "poolDeltas", LedgerQueries.allPools(e.poolDeltas())));
    }
}
