package org.fundbook.lending.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.Pool;
import org.fundbook.group.InterestMethod;

/** A loan as of a value date: only what was disbursed and repaid on or before {@code asOf} counts. */
public record LoanView(UUID loanId, UUID borrowerId, long principal, int monthlyRateBp,
                       InterestMethod interestMethod, int termMonths, String purpose, LocalDate disbursedOn,
                       LocalDate maturesOn, LocalDate asOf, String status, long interestPaid, long principalPaid,
                       long outstandingPrincipal, long interestDue, long daysOverdue, List<Repayment> repayments) {

    public record Repayment(UUID transactionId, LocalDate occurredOn, long amount, long interestPart,
                            long principalPart, Map<Pool, Long> allocation, long outstandingAfter) {
    }
}
