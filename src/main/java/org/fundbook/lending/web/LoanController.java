package org.fundbook.lending.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
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

    private final Movements movements;
    private final LoanQueries loans;

    LoanController(Movements movements, LoanQueries loans) {
        this.movements = movements;
        this.loans = loans;
    }

    @PostMapping("/loans")
    ResponseEntity<String> disburse(@PathVariable UUID groupId, @Valid @RequestBody LendingWrites.Loan r) {
        return movements.record(groupId, null, r, LendingWrites.LOAN);
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
        return movements.record(groupId, loanId, r, LendingWrites.REPAYMENT);
    }
}
