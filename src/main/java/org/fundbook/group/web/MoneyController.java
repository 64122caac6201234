package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.lending.query.LoanQueries;
import org.fundbook.lending.query.LoanView;
import org.fundbook.platform.LedgerWriter;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Money movements: each answers 201 with what was recorded and the group's balances after it. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class MoneyController {

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final LoanQueries loans;
    private final Clock clock;

    MoneyController(LedgerWriter writer, LedgerQueries queries, LoanQueries loans, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.loans = loans;
        this.clock = clock;
    }

    @PostMapping("/contributions")
    ResponseEntity<String> contribute(@PathVariable UUID groupId, @Valid @RequestBody Requests.MemberMovement r) {
        return record(groupId, r.transactionId(), "/contributions", r,
                new GroupCommand.RecordContribution(groupId, r.transactionId(), r.memberId(), r.amount(),
                        r.occurredOn(), today()),
                (ContributionRecorded e) -> body(e, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter()));
    }

    @PostMapping("/withdrawals")
    ResponseEntity<String> withdraw(@PathVariable UUID groupId, @Valid @RequestBody Requests.MemberMovement r) {
        return record(groupId, r.transactionId(), "/withdrawals", r,
                new GroupCommand.RecordWithdrawal(groupId, r.transactionId(), r.memberId(), r.amount(),
                        r.occurredOn(), today()),
                (WithdrawalRecorded e) -> body(e, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter()));
    }

    @PostMapping("/capital")
    ResponseEntity<String> capital(@PathVariable UUID groupId, @Valid @RequestBody Requests.Capital r) {
        return record(groupId, r.transactionId(), "/capital", r,
                new GroupCommand.ReceiveCapital(groupId, r.transactionId(), r.source().strip(), r.amount(),
                        r.occurredOn(), today()),
                (CapitalReceived e) -> body(e, "source", e.source(), "amount", e.amount()));
    }

    @PostMapping("/loans")
    ResponseEntity<String> disburse(@PathVariable UUID groupId, @Valid @RequestBody Requests.Loan r) {
        return record(groupId, r.transactionId(), "/loans", r,
                new GroupCommand.DisburseLoan(groupId, r.transactionId(), r.borrowerId(), r.principal(),
                        r.termMonths(), r.purpose(), r.occurredOn(), today()),
                (LoanDisbursed e) -> body(e, "loanId", e.loanId(), "borrowerId", e.borrowerId(),
                        "principal", e.principal(), "monthlyRateBp", e.monthlyRateBp(),
                        "interestMethod", e.interestMethod(), "termMonths", e.termMonths(), "purpose", e.purpose(),
                        "disbursedOn", e.occurredOn(), "maturesOn", e.maturesOn(),
                        "outstandingPrincipal", e.principal()));
    }

    @GetMapping("/loans")
    List<LoanView> loans(@PathVariable UUID groupId, @RequestParam(required = false) String status,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate asOf) {
        if (status != null && !List.of("OUTSTANDING", "REPAID", "OVERDUE").contains(status)) {
            throw ApiProblem.validation("status", "must be OUTSTANDING, REPAID or OVERDUE");
        }
        return loans.loans(groupId, status, asOf != null ? asOf : today());
    }

    @GetMapping("/loans/{loanId}")
    LoanView loan(@PathVariable UUID groupId, @PathVariable UUID loanId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return loans.loan(groupId, loanId, asOf != null ? asOf : today())
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.LOAN_NOT_FOUND, "no loan " + loanId));
    }

    @PostMapping("/loans/{loanId}/repayments")
    ResponseEntity<String> repay(@PathVariable UUID groupId, @PathVariable UUID loanId,
                                 @Valid @RequestBody Requests.Payment r) {
        return record(groupId, r.transactionId(), "/loans/" + loanId + "/repayments", r,
                new GroupCommand.RecordRepayment(groupId, r.transactionId(), loanId, r.amount(), r.occurredOn(),
                        today()),
                (RepaymentRecorded e) -> body(e, "loanId", e.loanId(), "amount", e.amount(),
                        "interestDue", e.interestDue(), "interestPart", e.interestPart(),
                        "principalPart", e.principalPart(), "allocation", LedgerQueries.allPools(e.allocation()),
                        "outstandingPrincipal", e.outstandingAfter(), "repaid", e.repaid()));
    }

    @PostMapping("/emergency-grants")
    ResponseEntity<String> grant(@PathVariable UUID groupId, @Valid @RequestBody Requests.Grant r) {
        return record(groupId, r.transactionId(), "/emergency-grants", r,
                new GroupCommand.MakeEmergencyGrant(groupId, r.transactionId(), r.recipientId(),
                        r.recipientName() == null ? null : r.recipientName().strip(), r.amount(), r.reason(),
                        r.recoverable(), r.occurredOn(), today()),
                (EmergencyGrantMade e) -> body(e, "grantId", e.grantId(), "recipientId", e.recipientId(),
                        "recipientName", e.recipientName(), "amount", e.amount(), "reason", e.reason(),
                        "recoverable", e.recoverable()));
    }

    @PostMapping("/emergency-grants/{grantId}/recoveries")
    ResponseEntity<String> recover(@PathVariable UUID groupId, @PathVariable UUID grantId,
                                   @Valid @RequestBody Requests.Payment r) {
        return record(groupId, r.transactionId(), "/emergency-grants/" + grantId + "/recoveries", r,
                new GroupCommand.RecordGrantRecovery(groupId, r.transactionId(), grantId, r.amount(), r.occurredOn(),
                        today()),
                (GrantRecoveryRecorded e) -> body(e, "grantId", e.grantId(), "amount", e.amount(),
                        "leftToRecover", e.leftToRecover()));
    }

    @PostMapping("/payouts")
    ResponseEntity<String> payout(@PathVariable UUID groupId, @Valid @RequestBody Requests.Payout r) {
        return record(groupId, r.transactionId(), "/payouts", r,
                new GroupCommand.PayOutPool(groupId, r.transactionId(), r.pool(), r.amount(), r.payee().strip(),
                        r.occurredOn(), today()),
                (PoolPaidOut e) -> body(e, "pool", e.pool(), "amount", e.amount(), "payee", e.payee()));
    }

    @PostMapping("/cash-counts")
    ResponseEntity<String> countCash(@PathVariable UUID groupId, @Valid @RequestBody Requests.CashCount r) {
        return record(groupId, r.transactionId(), "/cash-counts", r,
                new GroupCommand.CountCash(groupId, r.transactionId(), r.countedCash(), r.occurredOn(), today()),
                (CashCounted e) -> body(e, "expectedCash", e.expectedCash(), "countedCash", e.countedCash(),
                        "discrepancy", e.discrepancy()));
    }

    @PostMapping("/reversals")
    ResponseEntity<String> reverse(@PathVariable UUID groupId, @Valid @RequestBody Requests.Reversal r) {
        return record(groupId, r.transactionId(), "/reversals", r,
                new GroupCommand.ReverseTransaction(groupId, r.transactionId(), r.reversedTransactionId(),
                        r.reason().strip(), r.occurredOn(), today()),
                (TransactionReversed e) -> body(e, "reversedTransactionId", e.reversedTransactionId(),
                        "reversedKind", e.reversedKind(), "reason", e.reason(), "cashDelta", e.cashDelta(),
                        "loanPrincipalDelta", e.loanPrincipalDelta(), "memberId", e.memberId(),
                        "savingsDelta", e.savingsDelta(), "poolDeltas", LedgerQueries.allPools(e.poolDeltas())));
    }

    private <E extends GroupEvent> ResponseEntity<String> record(UUID groupId, UUID transactionId, String subPath,
                                                                 Object request, GroupCommand command,
                                                                 LedgerWriter.Answer<E> answer) {
        return writer.write(groupId, transactionId, "/api/v1/groups/" + groupId + subPath, request, false, command,
                answer);
    }

    /** transactionId, kind and value date first, then the movement's own fields, then the balances after it. */
    private Map<String, Object> body(GroupEvent.GroupTransaction event, Object... fields) {
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

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
