package org.fundbook.closing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/** Book closing through the HTTP contract: preview, cancel, confirm both ways, the statement and the lock. */
class ClosingHttpTest extends IntegrationTest {

    /** Three savers over 2024-01-01..2024-07-01 (182 days) and 440 riel of premium from a non-member's loan. */
    private Ledger cedacWithPremium(String basis, String[] members) {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", Map.of("premiumBasis", basis));
        members[0] = group.member("Early saver", "MEMBER", "2024-01-01");
        members[1] = group.member("Late saver", "MEMBER", "2024-01-01");
        members[2] = group.member("Small saver", "MEMBER", "2024-01-01");
        String outsider = group.member("Outsider", "NON_MEMBER", "2024-01-01");
        group.contribute(members[0], 10_000, "2024-01-01");
        group.contribute(members[2], 1_000, "2024-01-01");
        String loanId = group.lend(outsider, 11_000, 1, "2024-01-01").get("loanId").asText();
        assertThat(group.repay(loanId, 11_440, "2024-02-01").get("interestPart").asLong()).isEqualTo(440);
        group.contribute(members[1], 10_000, "2024-04-01");
        return group;
    }

    private Api.Response start(Ledger group, String closingDate) {
        return api.post(group.path("/closings"), Api.body("transactionId", Api.id(), "closingDate", closingDate));
    }

    private Api.Response confirm(Ledger group, long countedCash, String mode) {
        return api.post(group.path("/closings/current/confirm"), Api.body("transactionId", Api.id(),
                "countedCash", countedCash, "payoutMode", mode));
    }

    @Test
    void averageBalancePremiumsAreSharedByRielDaysAndReinvested() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);

        Api.Response preview = start(group, "2024-07-01");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.get("periodNumber").asInt()).isEqualTo(1);
        assertThat(p.get("periodStart").asText()).isEqualTo("2024-01-01");
        assertThat(p.get("distributable").asLong()).isEqualTo(440);
        assertThat(p.get("premiums").findValuesAsText("premium")).containsExactly("275", "138", "27");
        assertThat(p.get("premiums").findValuesAsText("weight")).containsExactly("1820000", "910000", "182000");
        assertThat(api.get(group.path("/closings/current")).json()).isEqualTo(p);

        Api.Response confirmed = confirm(group, 21_440, "REINVEST");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        JsonNode statement = confirmed.json();
        assertThat(statement.get("opening").get("cash").asLong()).isZero();
        assertThat(statement.get("movements").get("CONTRIBUTION").asLong()).isEqualTo(21_000);
        assertThat(statement.get("movements").get("REPAYMENT_INTEREST").asLong()).isEqualTo(440);
        assertThat(statement.get("movements").get("PREMIUM").asLong()).isEqualTo(440);
        assertThat(statement.get("closing").get("cash").asLong()).isEqualTo(21_440);
        assertThat(statement.get("closing").get("memberSavings").asLong()).isEqualTo(21_440);
        assertThat(statement.get("closing").get("pools").get("PREMIUM").asLong()).isZero();
        assertThat(statement.get("discrepancy").asLong()).isZero();

        JsonNode members = api.get(group.path("/members")).json();
        assertThat(members.get(0).get("savings").asLong()).isEqualTo(10_275);
        assertThat(members.get(1).get("savings").asLong()).isEqualTo(10_138);
        assertThat(members.get(2).get("savings").asLong()).isEqualTo(1_027);
        JsonNode view = group.group();
        assertThat(view.get("period").get("number").asInt()).isEqualTo(2);
        assertThat(view.get("period").get("start").asText()).isEqualTo("2024-07-01");
        assertThat(view.get("closingInProgress").asBoolean()).isFalse();
        assertThat(api.get(group.path("/closings/1")).json()).isEqualTo(statement);
        assertThat(api.get(group.path("/members/" + m[0] + "/statement")).json().get("premiumsReceived").asLong())
                .isEqualTo(275);
    }

    @Test
    void balanceAtClosePremiumsArePaidInCash() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("BALANCE_AT_CLOSE", m);
        start(group, "2024-07-01");

        JsonNode statement = confirm(group, 21_000, "CASH").json();

        assertThat(statement.get("premiums").findValuesAsText("premium")).containsExactly("210", "209", "21");
        assertThat(statement.get("closing").get("cash").asLong()).isEqualTo(21_000);
        assertThat(statement.get("closing").get("memberSavings").asLong()).isEqualTo(21_000);
        assertThat(group.group().get("balances").get("cash").asLong()).isEqualTo(21_000);
        assertThat(api.get(group.path("/members")).json().get(0).get("savings").asLong()).isEqualTo(10_000);
    }

    @Test
    void theClosedPeriodIsLockedAndTheNextOneIsOpen() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        start(group, "2024-07-01");
        confirm(group, 21_440, "REINVEST");

        Api.Response late = api.post(group.path("/contributions"), Api.body("transactionId", Api.id(),
                "memberId", m[0], "amount", 1_000, "occurredOn", "2024-06-30"));
        assertThat(late.code()).isEqualTo("PERIOD_CLOSED");
        assertThat(group.contribute(m[0], 1_000, "2024-07-01").get("savingsAfter").asLong()).isEqualTo(11_275);
        assertThat(start(group, "2024-12-31").code()).isEqualTo("CLOSING_TOO_EARLY");
        assertThat(api.get(group.path("/closings/2")).code()).isEqualTo("CLOSING_NOT_FOUND");
    }

    @Test
    void whileClosingTheReviewedPeriodIsFrozenAndLendingSuspended() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        assertThat(start(group, "2024-06-30").code()).isEqualTo("CLOSING_TOO_EARLY");
        start(group, "2024-07-01");

        assertThat(start(group, "2024-07-01").code()).isEqualTo("CLOSING_IN_PROGRESS");
        Api.Response before = api.post(group.path("/contributions"), Api.body("transactionId", Api.id(),
                "memberId", m[0], "amount", 1_000, "occurredOn", "2024-06-15"));
        assertThat(before.code()).isEqualTo("CLOSING_IN_PROGRESS");
        Api.Response loan = api.post(group.path("/loans"), Api.body("transactionId", Api.id(), "borrowerId", m[0],
                "principal", 1_000, "termMonths", 1, "occurredOn", "2024-07-02"));
        assertThat(loan.code()).isEqualTo("LENDING_SUSPENDED");
        assertThat(group.group().get("lendingSuspended").asBoolean()).isTrue();
        group.contribute(m[0], 1_000, "2024-07-02");

        JsonNode statement = confirm(group, 22_440, "REINVEST").json();
        assertThat(statement.get("movements").get("CONTRIBUTION").asLong())
                .as("a contribution dated after the closing date belongs to the next period").isEqualTo(21_000);
        assertThat(statement.get("closing").get("cash").asLong()).isEqualTo(21_440);
        assertThat(statement.get("expectedCash").asLong()).isEqualTo(22_440);
        assertThat(group.lend(m[0], 1_000, 1, "2024-07-02").get("monthlyRateBp").asInt()).isEqualTo(200);
    }

    @Test
    void cancellingChangesNothing() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        JsonNode before = group.group();
        start(group, "2024-07-01");

        Api.Response cancelled = api.post(group.path("/closings/current/cancel"), Api.body("transactionId", Api.id()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        assertThat(group.group()).isEqualTo(before);
        assertThat(api.get(group.path("/closings/current")).code()).isEqualTo("CLOSING_NOT_FOUND");
        assertThat(confirm(group, 0, "CASH").code()).isEqualTo("NO_CLOSING_IN_PROGRESS");
        assertThat(api.post(group.path("/closings/current/cancel"), Api.body("transactionId", Api.id())).code())
                .isEqualTo("NO_CLOSING_IN_PROGRESS");
        assertThat(api.get(group.path("/closings")).json()).isEmpty();
    }

    @Test
    void cashPremiumsNeedLendableCash() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        String outsider = group.member("Second outsider", "NON_MEMBER", "2024-01-01");
        group.lend(outsider, 21_440, 1, "2024-06-01");
        start(group, "2024-07-01");

        assertThat(confirm(group, 0, "CASH").code()).isEqualTo("INSUFFICIENT_CASH");
        assertThat(confirm(group, 0, "REINVEST").status()).isEqualTo(201);
    }

    @Test
    void anFsfFundClosesWithAnEmptyPremiumPoolAndKeepsItsPools() {
        Ledger fsf = Ledger.register(api, "FSF", "2024-01-01", null);
        String family = fsf.member("Family", "MEMBER", "2024-01-01");
        fsf.capital(1_200_000, "2024-01-02");
        String loanId = fsf.lend(family, 200_000, 1, "2024-01-10").get("loanId").asText();
        fsf.repay(loanId, 204_000, "2024-02-10");
        start(fsf, "2024-07-01");

        JsonNode statement = confirm(fsf, 1_204_000, "CASH").json();

        assertThat(statement.get("distributable").asLong()).isZero();
        assertThat(statement.get("closing").get("pools").get("COMMITTEE_OPERATIONS").asLong()).isEqualTo(2_000);
        assertThat(statement.get("closing").get("pools").get("FUND_CAPITAL").asLong()).isEqualTo(1_200_400);
        assertThat(statement.get("closing").get("cash").asLong()).isEqualTo(1_204_000);
        assertThat(fsf.group().get("period").get("number").asInt()).isEqualTo(2);
    }

    @Test
    void theStatementNamesTheBasisThePremiumsWereComputedWith() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        start(group, "2024-07-01");
        Api.Response change = api.put(group.path("/policy"), Api.body("transactionId", Api.id(),
                "effectiveFrom", "2024-07-01", "policy", Api.body("premiumBasis", "BALANCE_AT_CLOSE")));
        assertThat(change.status()).as("a rule for the next period may be set while closing").isEqualTo(200);

        JsonNode statement = confirm(group, 21_440, "REINVEST").json();

        assertThat(statement.get("premiumBasis").asText()).isEqualTo("AVERAGE_BALANCE");
        assertThat(statement.get("premiums").findValuesAsText("premium")).containsExactly("275", "138", "27");
    }

    @Test
    void theGroupsRegistrationCannotBeReversed() {
        String[] m = new String[3];
        Ledger group = cedacWithPremium("AVERAGE_BALANCE", m);
        Api.Response response = api.post(group.path("/reversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", group.groupId, "reason", "entered twice", "occurredOn", "2024-02-01"));
        assertThat(response.code()).isEqualTo("NOT_REVERSIBLE");
    }
}
