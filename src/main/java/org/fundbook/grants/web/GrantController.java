package org.fundbook.grants.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.EmergencyGrantMade;
import org.fundbook.group.GroupEvent.GrantRecoveryRecorded;
import org.fundbook.group.GroupEvent.PoolPaidOut;
import org.fundbook.group.Pool;
import org.fundbook.group.web.Movements;
import org.fundbook.group.web.Requests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Money given out of the pools: emergency grants and their recoveries, and payouts of the other pools. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class GrantController {

    record Grant(@NotNull UUID transactionId, UUID recipientId, @Size(max = 200) String recipientName,
                 @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                 @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                 Long amount,
                 @NotNull GrantReason reason, @NotNull Boolean recoverable, @NotNull LocalDate occurredOn) {

        @AssertTrue(message = "a grant names its recipient: recipientId or recipientName")
        boolean isRecipientNamed() {
            return recipientId != null || (recipientName != null && !recipientName.isBlank());
        }
    }

    record Payout(@NotNull UUID transactionId, @NotNull Pool pool,
                  @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                  @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                  Long amount,
                  @NotBlank @Size(max = 200) String payee, @NotNull LocalDate occurredOn) {

        @AssertTrue(message = "pool must be COMMITTEE_OPERATIONS or PROVINCIAL_DISTRICT")
        boolean isPayablePool() {
            return pool == null || pool == Pool.COMMITTEE_OPERATIONS || pool == Pool.PROVINCIAL_DISTRICT;
        }
    }

    private final Movements movements;

    GrantController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/emergency-grants")
    ResponseEntity<String> grant(@PathVariable UUID groupId, @Valid @RequestBody Grant r) {
        return movements.record(groupId, r.transactionId(), "/emergency-grants", r,
                new GroupCommand.MakeEmergencyGrant(groupId, r.transactionId(), r.recipientId(),
                        r.recipientName() == null ? null : r.recipientName().strip(), r.amount(), r.reason(),
                        r.recoverable(), r.occurredOn(), movements.today()),
                (EmergencyGrantMade e) -> movements.answer(e, "grantId", e.grantId(), "recipientId", e.recipientId(),
                        "recipientName", e.recipientName(), "amount", e.amount(), "reason", e.reason(),
                        "recoverable", e.recoverable()));
    }

    @PostMapping("/emergency-grants/{grantId}/recoveries")
    ResponseEntity<String> recover(@PathVariable UUID groupId, @PathVariable UUID grantId,
                                   @Valid @RequestBody Requests.Payment r) {
        return movements.record(groupId, r.transactionId(), "/emergency-grants/" + grantId + "/recoveries", r,
                new GroupCommand.RecordGrantRecovery(groupId, r.transactionId(), grantId, r.amount(), r.occurredOn(),
                        movements.today()),
                (GrantRecoveryRecorded e) -> movements.answer(e, "grantId", e.grantId(), "amount", e.amount(),
                        "leftToRecover", e.leftToRecover()));
    }

    @PostMapping("/payouts")
    ResponseEntity<String> payout(@PathVariable UUID groupId, @Valid @RequestBody Payout r) {
        return movements.record(groupId, r.transactionId(), "/payouts", r,
                new GroupCommand.PayOutPool(groupId, r.transactionId(), r.pool(), r.amount(), r.payee().strip(),
                        r.occurredOn(), movements.today()),
                (PoolPaidOut e) -> movements.answer(e, "pool", e.pool(), "amount", e.amount(), "payee", e.payee()));
    }
}
