package org.fundbook.grants.web;

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
import org.fundbook.group.web.Requests;
import org.fundbook.group.web.Write;

/** The Emergency Fund's grants and recoveries, and the pools paid out, as endpoints and meetings take them. */
public final class GrantWrites {

    private GrantWrites() {
    }

    public record Grant(@NotNull UUID transactionId, UUID recipientId, @Size(max = 200) String recipientName,
                        @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                        @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                        Long amount,
                        @NotNull GrantReason reason, @NotNull Boolean recoverable, @NotNull LocalDate occurredOn)
            implements Write.Request {

        @AssertTrue(message = "a grant names its recipient: recipientId or recipientName")
        boolean isRecipientNamed() {
            return recipientId != null || (recipientName != null && !recipientName.isBlank());
        }
    }

    public record Payout(@NotNull UUID transactionId, @NotNull Pool pool,
                         @NotNull @Min(value = 1, message = Requests.RIEL_RANGE)
                         @Max(value = Requests.MAX_RIEL, message = Requests.RIEL_RANGE)
                         Long amount,
                         @NotBlank @Size(max = 200) String payee, @NotNull LocalDate occurredOn)
            implements Write.Request {

        @AssertTrue(message = "pool must be COMMITTEE_OPERATIONS or PROVINCIAL_DISTRICT")
        boolean isPayablePool() {
            return pool == null || pool == Pool.COMMITTEE_OPERATIONS || pool == Pool.PROVINCIAL_DISTRICT;
        }
    }

    public static final Write<Grant> EMERGENCY_GRANT = Write.at("EMERGENCY_GRANT", "/emergency-grants", Grant.class,
            (groupId, pathId, r, today) -> new GroupCommand.MakeEmergencyGrant(groupId, r.transactionId(),
                    r.recipientId(), r.recipientName() == null ? null : r.recipientName().strip(), r.amount(),
                    r.reason(), r.recoverable(), r.occurredOn(), today),
            (event, balances) -> {
                EmergencyGrantMade e = (EmergencyGrantMade) event;
                return Write.movement(e, balances, "grantId", e.grantId(), "recipientId", e.recipientId(),
                        "recipientName", e.recipientName(), "amount", e.amount(), "reason", e.reason(),
                        "recoverable", e.recoverable());
            });

    public static final Write<Requests.Payment> GRANT_RECOVERY = Write.under("GRANT_RECOVERY", "grantId",
            Requests.Payment.class, grantId -> "/emergency-grants/" + grantId + "/recoveries",
            (groupId, grantId, r, today) -> new GroupCommand.RecordGrantRecovery(groupId, r.transactionId(), grantId,
                    r.amount(), r.occurredOn(), today),
            (event, balances) -> {
                GrantRecoveryRecorded e = (GrantRecoveryRecorded) event;
                return Write.movement(e, balances, "grantId", e.grantId(), "amount", e.amount(),
                        "leftToRecover", e.leftToRecover());
            });

    public static final Write<Payout> PAYOUT = Write.at("PAYOUT", "/payouts", Payout.class,
            (groupId, pathId, r, today) -> new GroupCommand.PayOutPool(groupId, r.transactionId(), r.pool(),
                    r.amount(), r.payee().strip(), r.occurredOn(), today),
            (event, balances) -> {
                PoolPaidOut e = (PoolPaidOut) event;
                return Write.movement(e, balances, "pool", e.pool(), "amount", e.amount(), "payee", e.payee());
            });
}
