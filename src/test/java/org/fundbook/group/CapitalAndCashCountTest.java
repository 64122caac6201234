package org.fundbook.group;

import org.fundbook.ledger.GroupAggregate;
import static org.fundbook.group.GroupFixtures.GROUP;
import static org.fundbook.group.GroupFixtures.capital;
import static org.fundbook.group.GroupFixtures.cashCount;
import static org.fundbook.group.GroupFixtures.date;
import static org.fundbook.group.GroupFixtures.fsfLoanOf200000;
import static org.fundbook.group.GroupFixtures.fsfLoanRepaidWithInterest;
import static org.fundbook.group.GroupFixtures.id;
import static org.fundbook.group.GroupFixtures.loan;
import static org.fundbook.group.GroupFixtures.member;
import static org.fundbook.group.GroupFixtures.newFixture;
import static org.fundbook.group.GroupFixtures.refusal;
import static org.fundbook.group.GroupFixtures.registerGroup;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fundbook.group.GroupEvent.CapitalReceived;
import org.fundbook.group.GroupEvent.CashCounted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 5: capital received (cash +a, FUND_CAPITAL +a) and cash count (records counted − cash). */
class CapitalAndCashCountTest {

    private AggregateTestFixture<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void donorCapitalIsRecorded() {
        fixture.givenCommands(registerGroup(Scheme.FSF))
                .when(capital("iom", 120_000, "2024-01-02"))
                .expectEvents(new CapitalReceived(GROUP, id("iom"), "IOM", 120_000, date("2024-01-02")))
                .expectResultMessagePayload(new CapitalReceived(GROUP, id("iom"), "IOM", 120_000,
                        date("2024-01-02")));
    }

    @Test
    void capitalIsLendableCash() {
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 120_000, "2024-01-02"))
                .when(loan("loan", "sokha", 120_001, 6, "2024-01-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }

    @Test
    void cashCountRecordsAShortfallAsCountedMinusCash() {
        // cash after the repaid loan: 204,000
        fixture.givenCommands(fsfLoanRepaidWithInterest())
                .when(cashCount("count", 203_500, "2024-02-28"))
                .expectEvents(new CashCounted(GROUP, id("count"), date("2024-02-28"), 204_000, 203_500, -500))
                .expectResultMessagePayload(new CashCounted(GROUP, id("count"), date("2024-02-28"), 204_000,
                        203_500, -500));
    }

    @Test
    void cashCountRecordsASurplusAsCountedMinusCash() {
        fixture.givenCommands(fsfLoanRepaidWithInterest())
                .when(cashCount("count", 204_200, "2024-02-28"))
                .expectEvents(new CashCounted(GROUP, id("count"), date("2024-02-28"), 204_000, 204_200, 200));
    }

    @Test
    void cashCountExcludesMoneyLentOut() {
        fixture.givenCommands(fsfLoanOf200000())
                .when(cashCount("count", 0, "2024-01-31"))
                .expectEvents(new CashCounted(GROUP, id("count"), date("2024-01-31"), 0, 0, 0));
    }

    @Test
    void cashCountChangesNoBalance() {
        // a large "counted" figure does not make the box hold more: the loan still needs recorded cash
        fixture.givenCommands(registerGroup(Scheme.FSF), member("sokha"), capital("iom", 1_000, "2024-01-02"),
                        cashCount("count", 500_000, "2024-01-03"))
                .when(loan("loan", "sokha", 1_001, 6, "2024-01-10"))
                .expectNoEvents()
                .expectException(refusal(RefusalCode.INSUFFICIENT_CASH));
    }
}
