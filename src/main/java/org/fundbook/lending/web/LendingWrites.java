package org.fundbook.lending.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.LoanDisbursed;
import org.fundbook.group.GroupEvent.RepaymentRecorded;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.web.Requests;
import org.fundbook.group.web.Write;

/** Loans going out and coming back, as the endpoints and a meeting's entries take them. */
public final class LendingWrites {

    private LendingWrites() {
    }

    public record Loan(@NotNull UUID transactionId, @NotNull UUID borrowerId,
                       @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                       @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                       Long principal,
                       @NotNull @Min(1) @Max(120) Integer termMonths, @Size(max = 500) String purpose,
                       @NotNull LocalDate occurredOn) implements Write.Request {
    }

    public static final Write<Loan> LOAN = Write.at("LOAN", "/loans", Loan.class,
            (groupId, pathId, r, today) -> new GroupCommand.DisburseLoan(groupId, r.transactionId(), r.borrowerId(),
                    r.principal(), r.termMonths(), r.purpose(), r.occurredOn(), today),
            (event, balances) -> {
                LoanDisbursed e = (LoanDisbursed) event;
                return Write.movement(e, balances, "loanId", e.loanId(), "borrowerId", e.borrowerId(),
                        "principal", e.principal(), "monthlyRateBp", e.monthlyRateBp(),
                        "interestMethod", e.interestMethod(), "termMonths", e.termMonths(), "purpose", e.purpose(),
                        "disbursedOn", e.occurredOn(), "maturesOn", e.maturesOn(),
                        "outstandingPrincipal", e.principal());
            });

    public static final Write<Requests.Payment> REPAYMENT = Write.under("REPAYMENT", "loanId", Requests.Payment.class,
            loanId -> "/loans/" + loanId + "/repayments",
            (groupId, loanId, r, today) -> new GroupCommand.RecordRepayment(groupId, r.transactionId(), loanId,
                    r.amount(), r.occurredOn(), today),
            (event, balances) -> {
                RepaymentRecorded e = (RepaymentRecorded) event;
                return Write.movement(e, balances, "loanId", e.loanId(), "amount", e.amount(),
                        "interestDue", e.interestDue(), "interestPart", e.interestPart(),
                        "principalPart", e.principalPart(), "allocation", LedgerQueries.allPools(e.allocation()),
                        "outstandingPrincipal", e.outstandingAfter(), "repaid", e.repaid());
            });
}
