package org.fundbook.savings.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.web.Requests;
import org.fundbook.group.web.Write;

/** A member's savings coming in and going out, as the endpoints and a meeting's entries take them. */
public final class SavingsWrites {

    private SavingsWrites() {
    }

    public record MemberMovement(@NotNull UUID transactionId, @NotNull UUID memberId,
                                 @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                                 @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                                 Long amount,
                                 @NotNull LocalDate occurredOn) implements Write.Request {
    }

    public static final Write<MemberMovement> CONTRIBUTION = Write.at("CONTRIBUTION", "/contributions",
            MemberMovement.class,
            (groupId, pathId, r, today) -> new GroupCommand.RecordContribution(groupId, r.transactionId(),
                    r.memberId(), r.amount(), r.occurredOn(), today),
            (event, balances) -> {
                ContributionRecorded e = (ContributionRecorded) event;
                return Write.movement(e, balances, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter());
            });

    public static final Write<MemberMovement> WITHDRAWAL = Write.at("WITHDRAWAL", "/withdrawals",
            MemberMovement.class,
            (groupId, pathId, r, today) -> new GroupCommand.RecordWithdrawal(groupId, r.transactionId(),
                    r.memberId(), r.amount(), r.occurredOn(), today),
            (event, balances) -> {
                WithdrawalRecorded e = (WithdrawalRecorded) event;
                return Write.movement(e, balances, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter());
            });
}
