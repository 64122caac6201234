package org.fundbook.group.web;

import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.GroupEvent.TransactionReversed;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberView;

/** The group's own writes: members, the donor's capital, counting the box, reversals. */
public final class GroupWrites {

    private GroupWrites() {
    }

    /** The member's id defaults to the registration's transaction id. */
    public static final Write<Requests.RegisterMember> MEMBER = new Write<>("MEMBER", null, "joinedOn",
            Requests.RegisterMember.class, id -> "/members",
            (groupId, pathId, r, today) -> new GroupCommand.RegisterMember(groupId, r.transactionId(),
                    r.memberId() != null ? r.memberId() : r.transactionId(), r.name().strip(), r.sex(),
                    r.membership(), r.joinedOn(), Boolean.TRUE.equals(r.poorestFamily()), r.officerRole(),
                    r.subgroup() == null ? null : r.subgroup().strip(), today),
            (event, balances) -> MemberView.registered((MemberRegistered) event));

    public static final Write<Requests.Capital> CAPITAL = Write.at("CAPITAL", "/capital", Requests.Capital.class,
            (groupId, pathId, r, today) -> new GroupCommand.ReceiveCapital(groupId, r.transactionId(),
                    r.source().strip(), r.amount(), r.occurredOn(), today),
            (event, balances) -> {
                CapitalReceived e = (CapitalReceived) event;
                return Write.movement(e, balances, "source", e.source(), "amount", e.amount());
            });

    public static final Write<Requests.CashCount> CASH_COUNT = Write.at("CASH_COUNT", "/cash-counts",
            Requests.CashCount.class,
            (groupId, pathId, r, today) -> new GroupCommand.CountCash(groupId, r.transactionId(), r.countedCash(),
                    r.occurredOn(), today),
            (event, balances) -> {
                CashCounted e = (CashCounted) event;
                return Write.movement(e, balances, "expectedCash", e.expectedCash(), "countedCash", e.countedCash(),
                        "discrepancy", e.discrepancy());
            });

    public static final Write<Requests.Reversal> REVERSAL = Write.at("REVERSAL", "/reversals",
            Requests.Reversal.class,
            (groupId, pathId, r, today) -> new GroupCommand.ReverseTransaction(groupId, r.transactionId(),
                    r.reversedTransactionId(), r.reason().strip(), r.occurredOn(), today),
            (event, balances) -> {
                TransactionReversed e = (TransactionReversed) event;
                return Write.movement(e, balances, "reversedTransactionId", e.reversedTransactionId(),
                        "reversedKind", e.reversedKind(), "reason", e.reason(), "cashDelta", e.cashDelta(),
                        "loanPrincipalDelta", e.loanPrincipalDelta(), "memberId", e.memberId(),
                        "savingsDelta", e.savingsDelta(), "poolDeltas", LedgerQueries.allPools(e.poolDeltas()));
            });
}
