package org.fundbook.closing;

import static org.fundbook.group.Checks.refuse;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.Checks;
import org.fundbook.group.Effect;
import org.fundbook.group.GroupCommand.CancelClosing;
import org.fundbook.group.GroupCommand.ConfirmClosing;
import org.fundbook.group.GroupCommand.StartClosing;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.GroupEvent.BooksClosed;
import org.fundbook.group.GroupEvent.ClosingCancelled;
import org.fundbook.group.GroupEvent.ClosingStarted;
import org.fundbook.group.GroupState;
import org.fundbook.group.GroupState.PeriodEntry;
import org.fundbook.group.Membership;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.TransactionKind;
import org.fundbook.money.Riel;

/**
 * Closing the books (domain spec section 7): the preview with its premiums, the confirmation that fixes the
 * period's statement forever, or the cancellation.
 */
public final class ClosingRules {

    private ClosingRules() {
    }

    public static ClosingStarted start(GroupState state, StartClosing command) {
        Checks.newTransactionId(state, command.transactionId());
        if (state.closingInProgress()) {
            throw refuse(RefusalCode.CLOSING_IN_PROGRESS, "a closing on " + state.closingDate()
                    + " is already in progress");
        }
        Policy policy = state.policyOn(command.closingDate());
        LocalDate earliest = state.periodStart().plusMonths(policy.closingCycleMonths());
        if (command.closingDate().isBefore(earliest)) {
            throw refuse(RefusalCode.CLOSING_TOO_EARLY, "period " + state.periodNumber() + " started on "
                    + state.periodStart() + " and can close on " + earliest + " at the earliest");
        }
        if (command.closingDate().isAfter(command.today())) {
            throw refuse(RefusalCode.FUTURE_DATE, "closingDate " + command.closingDate() + " is after today");
        }
        LocalDate c = command.closingDate();
        // The PREMIUM pool by value date; never more than the pool holds now (a later-dated reversal may have
        // taken some back), so the share-out can always be paid.
        long distributable = Math.max(0, Math.min(state.pool(Pool.PREMIUM),
                figuresBefore(state, c).pools().getOrDefault(Pool.PREMIUM, 0L)));
        List<UUID> sharers = state.members().stream()
                .filter(m -> m.membership() == Membership.MEMBER).map(GroupState.Member::memberId).toList();
        List<SavingsMovement> movements = state.periodEntries().stream()
                .filter(entry -> entry.effect().memberId() != null && entry.effect().savings() != 0)
                .map(entry -> new SavingsMovement(entry.effect().memberId(), entry.occurredOn(),
                        entry.effect().savings()))
                .toList();
        List<PremiumShare> premiums = Premiums.shareOut(distributable,
                Premiums.Basis.valueOf(policy.premiumBasis().name()), state.periodStart(), c, sharers,
                state.openingSavings(), movements);
        return new ClosingStarted(state.groupId(), command.transactionId(), state.periodNumber(), state.periodStart(),
                c, policy.suspendLendingDuringClosing(), policy.premiumBasis(), distributable, premiums);
    }

    public static BooksClosed confirm(GroupState state, ConfirmClosing command) {
        if (!state.closingInProgress()) {
            throw refuse(RefusalCode.NO_CLOSING_IN_PROGRESS, "no closing is in progress");
        }
        Checks.newTransactionId(state, command.transactionId());
        long total = state.closingPremiums().stream().mapToLong(PremiumShare::premium).sum();
        if (command.payoutMode() == PayoutMode.CASH && total > state.lendableCash()) {
            throw refuse(RefusalCode.INSUFFICIENT_CASH, "premiums of " + total + " riel cannot be paid from "
                    + state.lendableCash() + " riel of lendable cash");
        }
        LocalDate c = state.closingDate();
        Figures closing = new Figures(figuresBefore(state, c));
        closing.apply(Effect.premiumPayout(command.payoutMode(), total));
        Map<String, Long> movements = new LinkedHashMap<>();
        for (PeriodEntry entry : state.periodEntries()) {
            if (entry.occurredOn().isBefore(c)) {
                addMovement(movements, entry.kind(), entry.effect());
            }
        }
        movements.put("PREMIUM", total);
        long expectedCash = state.cash() - (command.payoutMode() == PayoutMode.CASH ? total : 0);
        return new BooksClosed(state.groupId(), command.transactionId(), state.periodNumber(), state.periodStart(), c,
                command.payoutMode(), state.closingBasis(), state.closingDistributable(), state.closingPremiums(),
                state.opening(), movements, closing.toFigures(), expectedCash, command.countedCash(),
                command.countedCash() - expectedCash);
    }

    public static ClosingCancelled cancel(GroupState state, CancelClosing command) {
        if (!state.closingInProgress()) {
            throw refuse(RefusalCode.NO_CLOSING_IN_PROGRESS, "no closing is in progress");
        }
        Checks.newTransactionId(state, command.transactionId());
        return new ClosingCancelled(state.groupId(), command.transactionId(), state.periodNumber(),
                state.closingDate());
    }

    /** The balances by value date at the start of {@code date}: the period's opening plus what is dated before. */
    static BalanceFigures figuresBefore(GroupState state, LocalDate date) {
        Figures figures = new Figures(state.opening());
        for (PeriodEntry entry : state.periodEntries()) {
            if (entry.occurredOn().isBefore(date)) {
                figures.apply(entry.effect());
            }
        }
        return figures.toFigures();
    }

    /** A statement's movements by kind; a reversal counts against the kind it reverses. */
    static void addMovement(Map<String, Long> movements, TransactionKind kind, Effect effect) {
        switch (kind) {
            case CAPITAL, GRANT_RECOVERY -> movements.merge(kind.name(), effect.cash(), Riel::checkedAdd);
            case EMERGENCY_GRANT, POOL_PAYOUT -> movements.merge(kind.name(), -effect.cash(), Riel::checkedAdd);
            case CONTRIBUTION -> movements.merge(kind.name(), effect.savings(), Riel::checkedAdd);
            case WITHDRAWAL -> movements.merge(kind.name(), -effect.savings(), Riel::checkedAdd);
            case LOAN_DISBURSEMENT -> movements.merge(kind.name(), effect.loanPrincipal(), Riel::checkedAdd);
            case REPAYMENT -> {
                movements.merge("REPAYMENT_PRINCIPAL", -effect.loanPrincipal(), Riel::checkedAdd);
                movements.merge("REPAYMENT_INTEREST", effect.cash() + effect.loanPrincipal(), Riel::checkedAdd);
            }
            default -> {
                // cash counts move no money
            }
        }
    }

    /** Balances being summed up by value date. */
    private static final class Figures {
        long cash;
        long loans;
        long memberSavings;
        EnumMap<Pool, Long> pools = new EnumMap<>(Pool.class);

        Figures(BalanceFigures from) {
            cash = from.cash();
            loans = from.loanPrincipalOutstanding();
            memberSavings = from.memberSavings();
            for (Pool pool : Pool.values()) {
                pools.put(pool, from.pools().getOrDefault(pool, 0L));
            }
        }

        void apply(Effect effect) {
            cash = Riel.checkedAdd(cash, effect.cash());
            loans = Riel.checkedAdd(loans, effect.loanPrincipal());
            memberSavings = Riel.checkedAdd(memberSavings, effect.savings());
            effect.pools().forEach((pool, delta) -> pools.merge(pool, delta, Riel::checkedAdd));
        }

        BalanceFigures toFigures() {
            return new BalanceFigures(cash, loans, memberSavings, new EnumMap<>(pools));
        }
    }
}
