package org.fundbook.lending.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/** The worked examples of domain spec section 6, through the HTTP contract on a real PostgreSQL. */
class WorkedExamplesHttpTest extends IntegrationTest {

    @Test
    void fsfRepaymentAfterOneMonthSplitsFourThousandRielOfInterestAcrossThePools() {
        Ledger fsf = Ledger.register(api, "FSF", "2024-01-01", null);
        String family = fsf.member("សុខ ចាន់ Sok Chan", "MEMBER", "2024-01-01");
        fsf.capital(1_200_000, "2024-01-02");
        String loanId = fsf.lend(family, 200_000, 1, "2024-01-10").get("loanId").asText();

        JsonNode repayment = fsf.repay(loanId, 204_000, "2024-02-10");

        assertThat(repayment.get("interestPart").asLong()).isEqualTo(4_000);
        assertThat(repayment.get("principalPart").asLong()).isEqualTo(200_000);
        assertThat(repayment.get("allocation").get("COMMITTEE_OPERATIONS").asLong()).isEqualTo(2_000);
        assertThat(repayment.get("allocation").get("PROVINCIAL_DISTRICT").asLong()).isEqualTo(1_000);
        assertThat(repayment.get("allocation").get("EMERGENCY_FUND").asLong()).isEqualTo(600);
        assertThat(repayment.get("allocation").get("FUND_CAPITAL").asLong()).isEqualTo(400);
        assertThat(repayment.get("repaid").asBoolean()).isTrue();
        JsonNode balances = fsf.group().get("balances");
        assertThat(balances.get("cash").asLong()).isEqualTo(1_204_000);
        assertThat(balances.get("lendableCash").asLong()).isEqualTo(1_204_000 - 3_600);
        assertThat(balances.get("pools").get("FUND_CAPITAL").asLong()).isEqualTo(1_200_400);
    }

    @Test
    void aRepaymentOneDayIntoTheSecondMonthOwesTwoMonthsOfInterest() {
        Ledger fsf = Ledger.register(api, "FSF", "2024-01-01", null);
        String family = fsf.member("Chan Dara", "MEMBER", "2024-01-01");
        fsf.capital(500_000, "2024-01-02");
        String loanId = fsf.lend(family, 200_000, 2, "2024-01-10").get("loanId").asText();

        JsonNode loan = api.get(fsf.path("/loans/" + loanId + "?asOf=2024-02-11")).json();
        assertThat(loan.get("interestDue").asLong()).isEqualTo(8_000);
        JsonNode repayment = fsf.repay(loanId, 208_000, "2024-02-11");
        assertThat(repayment.get("interestPart").asLong()).isEqualTo(8_000);
        assertThat(repayment.get("principalPart").asLong()).isEqualTo(200_000);
    }

    @Test
    void cedacDecliningLoanCostsThreeThousandRielOverTwoMonths() {
        Ledger cedac = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String saver = cedac.member("Srey Mom", "MEMBER", "2024-01-01");
        cedac.contribute(saver, 150_000, "2024-01-05");
        String loanId = cedac.lend(saver, 100_000, 2, "2024-03-01").get("loanId").asText();

        JsonNode first = cedac.repay(loanId, 52_000, "2024-04-01");
        assertThat(first.get("interestPart").asLong()).isEqualTo(2_000);
        assertThat(first.get("principalPart").asLong()).isEqualTo(50_000);
        JsonNode second = cedac.repay(loanId, 51_000, "2024-05-01");
        assertThat(second.get("interestPart").asLong()).isEqualTo(1_000);
        assertThat(second.get("principalPart").asLong()).isEqualTo(50_000);
        assertThat(second.get("repaid").asBoolean()).isTrue();
        assertThat(second.get("allocation").get("PREMIUM").asLong()).isEqualTo(1_000);

        JsonNode loan = api.get(cedac.path("/loans/" + loanId)).json();
        assertThat(loan.get("interestPaid").asLong()).isEqualTo(3_000);
        assertThat(loan.get("outstandingPrincipal").asLong()).isZero();
        assertThat(loan.get("status").asText()).isEqualTo("REPAID");
        assertThat(cedac.group().get("balances").get("pools").get("PREMIUM").asLong()).isEqualTo(3_000);
    }

    @Test
    void aTiedRielOfInterestGoesToTheEarlierPool() {
        // A FLAT loan whose one month of interest is 3,010 riel: 150,500 at 200 bp.
        Ledger fsf = Ledger.register(api, "FSF", "2024-01-01", Map.of("maxLoanPrincipal", 1_000_000));
        String family = fsf.member("Keo Sophea", "MEMBER", "2024-01-01");
        fsf.capital(1_000_000, "2024-01-02");
        String loanId = fsf.lend(family, 150_500, 1, "2024-01-10").get("loanId").asText();

        JsonNode allocation = fsf.repay(loanId, 3_010, "2024-02-01").get("allocation");

        assertThat(allocation.get("COMMITTEE_OPERATIONS").asLong()).isEqualTo(1_505);
        assertThat(allocation.get("PROVINCIAL_DISTRICT").asLong()).isEqualTo(752);
        assertThat(allocation.get("EMERGENCY_FUND").asLong()).isEqualTo(452);
        assertThat(allocation.get("FUND_CAPITAL").asLong()).isEqualTo(301);
    }

    @Test
    void nonMemberRatesFollowTheCedacTiers() {
        Ledger cedac = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String saver = cedac.member("Srey Leak", "MEMBER", "2024-01-01");
        String outsider = cedac.member("Outsider", "NON_MEMBER", "2024-01-01");
        cedac.contribute(saver, 2_000_000, "2024-01-02");

        assertThat(cedac.lend(outsider, 600_000, 2, "2024-01-03").get("monthlyRateBp").asInt()).isEqualTo(300);
        assertThat(cedac.lend(outsider, 100_000, 2, "2024-01-03").get("monthlyRateBp").asInt()).isEqualTo(400);
        assertThat(cedac.lend(outsider, 600_000, 6, "2024-01-03").get("monthlyRateBp").asInt()).isEqualTo(400);
        assertThat(cedac.lend(saver, 100_000, 6, "2024-01-03").get("monthlyRateBp").asInt()).isEqualTo(200);
        Api.Response tooLong = api.post(cedac.path("/loans"), Api.body("transactionId", Api.id(),
                "borrowerId", outsider, "principal", 100_000, "termMonths", 13, "occurredOn", "2024-01-03"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.code()).isEqualTo("TERM_TOO_LONG");
    }
}
