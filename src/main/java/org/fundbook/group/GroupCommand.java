package org.fundbook.group;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a client asks of a group. Input is already well-formed when a command is built (the web layer answers
 * 400 otherwise); the aggregate decides the domain rules. {@code today} is the server's date in the group's
 * time zone, passed in so that rules about dates are deterministic.
 */
public sealed interface GroupCommand {

    UUID groupId();

    /** A command recorded as one dated transaction of the group. */
    sealed interface Dated extends GroupCommand {
        UUID transactionId();

        LocalDate occurredOn();

        LocalDate today();
    }

    record RegisterGroup(@TargetAggregateIdentifier UUID groupId, String name, Scheme scheme, Location location,
                         LocalDate registeredOn, Policy policy, LocalDate today) implements GroupCommand {
    }

    /** The patch is applied to the policy in force on {@code effectiveFrom}; the caller has checked its fields. */
    record ChangePolicy(@TargetAggregateIdentifier UUID groupId, UUID transactionId, LocalDate effectiveFrom,
                        PolicyPatch policy) implements GroupCommand {
    }

    record RegisterMember(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID memberId, String name,
                          Sex sex, Membership membership, LocalDate joinedOn, boolean poorestFamily,
                          OfficerRole officerRole, String subgroup, LocalDate today) implements GroupCommand {
    }

    record ReceiveCapital(@TargetAggregateIdentifier UUID groupId, UUID transactionId, String source, long amount,
                          LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record RecordContribution(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID memberId,
                              long amount, LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record RecordWithdrawal(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID memberId, long amount,
                            LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record DisburseLoan(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID borrowerId,
                        long principal, int termMonths, String purpose, LocalDate occurredOn, LocalDate today)
            implements Dated {
    }

    record RecordRepayment(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID loanId, long amount,
                           LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record MakeEmergencyGrant(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID recipientId,
                              String recipientName, long amount, GrantReason reason, boolean recoverable,
                              LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record RecordGrantRecovery(@TargetAggregateIdentifier UUID groupId, UUID transactionId, UUID grantId,
                               long amount, LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record PayOutPool(@TargetAggregateIdentifier UUID groupId, UUID transactionId, Pool pool, long amount,
                      String payee, LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record CountCash(@TargetAggregateIdentifier UUID groupId, UUID transactionId, long countedCash,
                     LocalDate occurredOn, LocalDate today) implements Dated {
    }

    record ReverseTransaction(@TargetAggregateIdentifier UUID groupId, UUID transactionId,
                              UUID reversedTransactionId, String reason, LocalDate occurredOn, LocalDate today)
            implements Dated {
    }

    record StartClosing(@TargetAggregateIdentifier UUID groupId, UUID transactionId, LocalDate closingDate,
                        LocalDate today) implements GroupCommand {
    }

    record ConfirmClosing(@TargetAggregateIdentifier UUID groupId, UUID transactionId, long countedCash,
                          PayoutMode payoutMode) implements GroupCommand {
    }

    record CancelClosing(@TargetAggregateIdentifier UUID groupId, UUID transactionId) implements GroupCommand {
    }

    /**
     * A whole meeting: its entries are the commands of the single writes, judged in order (a cash count last);
     * {@code attendance} names the members present.
     */
    record HoldMeeting(@TargetAggregateIdentifier UUID groupId, UUID meetingId, LocalDate heldOn,
                       List<UUID> attendance, List<GroupCommand> entries, LocalDate today) implements GroupCommand {
    }
}
