package org.fundbook.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupCommand;

/** The command each demo write sends: the very command the HTTP controller builds from the same request. */
final class DemoCommands {

    private DemoCommands() {
    }

    static GroupCommand registerGroup(DemoPlan.GroupPlan group, LocalDate today) {
        return new GroupCommand.RegisterGroup(group.groupId(), group.name(), group.scheme(), group.location(),
                group.registeredOn(), group.policy(), today);
    }

    static GroupCommand of(UUID groupId, DemoStep step, LocalDate today) {
        UUID tx = step.transactionId();
        if (step instanceof DemoStep.RegisterMember s) {
            return new GroupCommand.RegisterMember(groupId, tx, s.memberId(), s.name(), s.sex(), s.membership(),
                    s.joinedOn(), s.poorestFamily(), s.officerRole(), s.subgroup(), today);
        }
        if (step instanceof DemoStep.ReceiveCapital s) {
            return new GroupCommand.ReceiveCapital(groupId, tx, s.source(), s.amount(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.Contribute s) {
            return new GroupCommand.RecordContribution(groupId, tx, s.memberId(), s.amount(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.Withdraw s) {
            return new GroupCommand.RecordWithdrawal(groupId, tx, s.memberId(), s.amount(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.DisburseLoan s) {
            return new GroupCommand.DisburseLoan(groupId, tx, s.borrowerId(), s.principal(), s.termMonths(),
                    s.purpose(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.Repay s) {
            return new GroupCommand.RecordRepayment(groupId, tx, s.loanId(), s.amount(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.Grant s) {
            return new GroupCommand.MakeEmergencyGrant(groupId, tx, s.recipientId(), s.recipientName(), s.amount(),
                    s.reason(), s.recoverable(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.RecoverGrant s) {
            return new GroupCommand.RecordGrantRecovery(groupId, tx, s.grantId(), s.amount(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.PayOut s) {
            return new GroupCommand.PayOutPool(groupId, tx, s.pool(), s.amount(), s.payee(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.CountCash s) {
            return new GroupCommand.CountCash(groupId, tx, s.countedCash(), s.occurredOn(), today);
        }
        if (step instanceof DemoStep.StartClosing s) {
            return new GroupCommand.StartClosing(groupId, tx, s.closingDate(), today);
        }
        if (step instanceof DemoStep.ConfirmClosing s) {
            return new GroupCommand.ConfirmClosing(groupId, tx, s.countedCash(), s.payoutMode());
        }
        throw new IllegalArgumentException("unknown demo step " + step);
    }
}
