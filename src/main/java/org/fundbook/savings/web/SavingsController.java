package org.fundbook.savings.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.ContributionRecorded;
import org.fundbook.group.GroupEvent.WithdrawalRecorded;
import org.fundbook.group.web.Movements;
import org.fundbook.group.web.Requests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's savings: contributions and withdrawals. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class SavingsController {

    record MemberMovement(@NotNull UUID transactionId, @NotNull UUID memberId,
                          @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                          @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                          Long amount,
                          @NotNull LocalDate occurredOn) {
    }

    private final Movements movements;

    SavingsController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/contributions")
    ResponseEntity<String> contribute(@PathVariable UUID groupId, @Valid @RequestBody MemberMovement r) {
        return movements.record(groupId, r.transactionId(), "/contributions", r,
                new GroupCommand.RecordContribution(groupId, r.transactionId(), r.memberId(), r.amount(),
                        r.occurredOn(), movements.today()),
                (ContributionRecorded e) -> movements.answer(e, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter()));
    }

    @PostMapping("/withdrawals")
    ResponseEntity<String> withdraw(@PathVariable UUID groupId, @Valid @RequestBody MemberMovement r) {
        return movements.record(groupId, r.transactionId(), "/withdrawals", r,
                new GroupCommand.RecordWithdrawal(groupId, r.transactionId(), r.memberId(), r.amount(),
                        r.occurredOn(), movements.today()),
                (WithdrawalRecorded e) -> movements.answer(e, "memberId", e.memberId(), "amount", e.amount(),
                        "savingsAfter", e.savingsAfter()));
    }
}
