package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/** Every kind of money movement answers the balances the group shows right after it. */
class AnswerBalancesHttpTest extends IntegrationTest {

    @Test
    void everyKindOfMovementAnswersTheBalancesTheGroupThenShows() {
        Ledger fsf = Ledger.register(api, "FSF", "2024-01-01", null);
        String family = fsf.member("Sok Chan", "MEMBER", "2024-01-01");

        same(fsf, fsf.capital(1_200_000, "2024-01-02"));
        same(fsf, fsf.contribute(family, 50_000, "2024-01-03"));
        JsonNode withdrawal = post(fsf, "/withdrawals", "memberId", family, "amount", 10_000, "occurredOn",
                "2024-01-04");
        same(fsf, withdrawal);
        JsonNode loan = fsf.lend(family, 200_000, 1, "2024-01-10");
        same(fsf, loan);
        String loanId = loan.get("loanId").asText();
        same(fsf, fsf.group().get("balances"), fsf.repay(loanId, 204_000, "2024-02-10"));
        JsonNode grant = post(fsf, "/emergency-grants", "recipientId", family, "amount", 500, "reason", "MEDICAL",
                "recoverable", true, "occurredOn", "2024-02-11");
        same(fsf, grant);
        same(fsf, post(fsf, "/emergency-grants/" + grant.get("grantId").asText() + "/recoveries", "amount", 200,
                "occurredOn", "2024-02-12"));
        JsonNode payout = post(fsf, "/payouts", "pool", "COMMITTEE_OPERATIONS", "amount", 1_000, "payee",
                "committee", "occurredOn", "2024-02-13");
        same(fsf, payout);
        same(fsf, post(fsf, "/cash-counts", "countedCash", 1_000, "occurredOn", "2024-02-14"));
        same(fsf, post(fsf, "/reversals", "reversedTransactionId", payout.get("transactionId").asText(),
                "reason", "paid twice", "occurredOn", "2024-02-15"));
        same(fsf, post(fsf, "/reversals", "reversedTransactionId", withdrawal.get("transactionId").asText(),
                "reason", "never paid out", "occurredOn", "2024-02-15"));

        JsonNode balances = fsf.group().get("balances");
        assertThat(balances.get("cash").asLong()).isEqualTo(1_200_000 + 50_000 + 4_000 - 500 + 200);
        assertThat(balances.get("memberSavings").asLong()).isEqualTo(50_000);
    }

    private JsonNode post(Ledger group, String path, Object... fields) {
        Object[] all = new Object[fields.length + 2];
        all[0] = "transactionId";
        all[1] = Api.id();
        System.arraycopy(fields, 0, all, 2, fields.length);
        Map<String, Object> body = Api.body(all);
        Api.Response response = api.post(group.path(path), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void same(Ledger group, JsonNode answer) {
        assertThat(answer.get("balances")).as(answer.toString()).isEqualTo(group.group().get("balances"));
    }

    /** Also: the answer moved from what the group showed before. */
    private static void same(Ledger group, JsonNode before, JsonNode answer) {
        same(group, answer);
        assertThat(answer.get("balances")).isNotEqualTo(before);
    }
}
