package org.fundbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fundbook.support.Api;

/**
 * A group registered at a chosen place, with the writes the audit and report tests need, each failing loudly
 * when refused. Places are made unique per test so that reports over a province see only that test's groups.
 */
public final class Village {

    private final Api api;
    public final String groupId;

    private Village(Api api, String groupId) {
        this.api = api;
        this.groupId = groupId;
    }

    public static String uniqueProvince() {
        return "Province " + Api.id().substring(0, 8);
    }

    public static Village register(Api api, String scheme, String province, String district, String commune,
                                   String village, Map<String, Object> policy) {
        String groupId = Api.id();
        Api.Response response = api.post("/api/v1/groups", Api.body("groupId", groupId, "name", "ភូមិ " + village,
                "scheme", scheme, "location", Api.body("province", province, "district", district,
                        "commune", commune, "village", village),
                "registeredOn", "2024-01-01", "policy", policy));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Village(api, groupId);
    }

    public static Village register(Api api, String scheme) {
        return register(api, scheme, uniqueProvince(), "Kompong Ro", "Kseth", "Prey Kduoch", null);
    }

    public String path(String suffix) {
        return "/api/v1/groups/" + groupId + suffix;
    }

    public String member(String name, String membership) {
        return ok(api.post(path("/members"), Api.body("transactionId", Api.id(), "name", name, "sex", "F",
                "membership", membership, "joinedOn", "2024-01-01"))).get("memberId").asText();
    }

    public JsonNode capital(long amount, String on) {
        return write("/capital", "source", "IOM", "amount", amount, "occurredOn", on);
    }

    public JsonNode contribute(String memberId, long amount, String on) {
        return write("/contributions", "memberId", memberId, "amount", amount, "occurredOn", on);
    }

    public JsonNode withdraw(String memberId, long amount, String on) {
        return write("/withdrawals", "memberId", memberId, "amount", amount, "occurredOn", on);
    }

    public String lend(String borrowerId, long principal, int termMonths, String on) {
        return write("/loans", "borrowerId", borrowerId, "principal", principal, "termMonths", termMonths,
                "occurredOn", on).get("loanId").asText();
    }

    public JsonNode repay(String loanId, long amount, String on) {
        return write("/loans/" + loanId + "/repayments", "amount", amount, "occurredOn", on);
    }

    public String grant(long amount, String reason, boolean recoverable, String on) {
        return write("/emergency-grants", "recipientName", "Family of Sok", "amount", amount, "reason", reason,
                "recoverable", recoverable, "occurredOn", on).get("grantId").asText();
    }

    public JsonNode recover(String grantId, long amount, String on) {
        return write("/emergency-grants/" + grantId + "/recoveries", "amount", amount, "occurredOn", on);
    }

    public JsonNode payout(String pool, long amount, String on) {
        return write("/payouts", "pool", pool, "amount", amount, "payee", "District office", "occurredOn", on);
    }

    public JsonNode countCash(long counted, String on) {
        return write("/cash-counts", "countedCash", counted, "occurredOn", on);
    }

    public JsonNode reverse(String transactionId, String on) {
        return write("/reversals", "reversedTransactionId", transactionId, "reason", "recorded by mistake",
                "occurredOn", on);
    }

    public JsonNode startClosing(String closingDate) {
        return ok(api.post(path("/closings"), Api.body("transactionId", Api.id(), "closingDate", closingDate)));
    }

    public JsonNode confirmClosing(long countedCash, String mode) {
        return ok(api.post(path("/closings/current/confirm"), Api.body("transactionId", Api.id(),
                "countedCash", countedCash, "payoutMode", mode)));
    }

    public JsonNode group() {
        Api.Response response = api.get(path(""));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public JsonNode get(String suffix) {
        Api.Response response = api.get(path(suffix));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A money movement with a fresh transaction id; the answer, which carries it as {@code transactionId}. */
    public JsonNode write(String suffix, Object... fields) {
        Object[] pairs = new Object[fields.length + 2];
        pairs[0] = "transactionId";
        pairs[1] = Api.id();
        System.arraycopy(fields, 0, pairs, 2, fields.length);
        return ok(api.post(path(suffix), Api.body(pairs)));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
