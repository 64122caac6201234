package org.fundbook.lending.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.web.Movements;
import org.fundbook.group.web.Requests;
import org.fundbook.lending.query.LoanQueries;
import org.fundbook.lending.query.LoanView;
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

/** Loans: disbursement, repayments, and the loans as of a value date. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class LoanController {

    record Loan(@NotNull UUID transactionId, @NotNull UUID borrowerId,
                @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                Long principal,
                @NotNull @Min(1) @Max(120) Integer termMonths, @Size(max = 500) String purpose,
                @NotNull LocalDate occurredOn) {
    }

    private final Movements movements;
    private final LoanQueries loans;

    LoanController(Movements movements, LoanQueries loans) {
        this.movements = movements;
        this.loans = loans;
    }

    @PostMapping("/loans")
    ResponseEntity<String> disburse(@PathVariable UUID groupId, @Valid @RequestBody Loan r) {
        return movements.record(groupId, r.transactionId(), "/loans", r,
                new GroupCommand.DisburseLoan(groupId, r.transactionId(), r.borrowerId(), r.principal(),
                        r.termMonths(), r.purpose(), r.occurredOn(), movements.today()),
                (LoanDisbursed e) -> movements.answer(e, "loanId", e.loanId(), "borrowerId", e.borrowerId(),
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
        return loans.loans(groupId, status, asOf != null ? asOf : movements.today());
    }

    @GetMapping("/loans/{loanId}")
    LoanView loan(@PathVariable UUID groupId, @PathVariable UUID loanId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return loans.loan(groupId, loanId, asOf != null ? asOf : movements.today())
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.LOAN_NOT_FOUND, "no loan " + loanId));
    }

    @PostMapping("/loans/{loanId}/repayments")
    ResponseEntity<String> repay(@PathVariable UUID groupId, @PathVariable UUID loanId,
                                 @Valid @RequestBody Requests.Payment r) {
        return movements.record(groupId, r.transactionId(), "/loans/" + loanId + "/repayments", r,
                new GroupCommand.RecordRepayment(groupId, r.transactionId(), loanId, r.amount(), r.occurredOn(),
                        movements.today()),
                (RepaymentRecorded e) -> movements.answer(e, "loanId", e.loanId(), "amount", e.amount(),
                        "interestDue", e.interestDue(), "interestPart", e.interestPart(),
                        "principalPart", e.principalPart(), "allocation", LedgerQueries.allPools(e.allocation()),
                        "outstandingPrincipal", e.outstandingAfter(), "repaid", e.repaid()));
    }
}
