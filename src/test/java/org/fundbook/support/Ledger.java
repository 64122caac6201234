package org.fundbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Builds a group's history through the HTTP contract, failing loudly when a step is refused. */
public final class Ledger {

    private final Api api;
    public final String groupId;

    private Ledger(Api api, String groupId) {
        this.api = api;
        this.groupId = groupId;
    }

    public static Ledger register(Api api, String scheme, String registeredOn, Map<String, Object> policy) {
        String groupId = Api.id();
        Api.Response response = api.post("/api/v1/groups", Api.body("groupId", groupId, "name", "ភូមិ " + groupId.substring(0, 8),
                "scheme", scheme, "location", Api.body("province", "Svay Rieng", "district", "Kompong Ro",
                        "commune", "Kseth", "village", "Village " + groupId.substring(0, 4)),
                "registeredOn", registeredOn, "policy", policy));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Ledger(api, groupId);
    }

    /** A group registered elsewhere in the test. */
    public static Ledger attach(Api api, String groupId) {
        return new Ledger(api, groupId);
    }

    public String path(String suffix) {
        return "/api/v1/groups/" + groupId + suffix;
    }

    public String member(String name, String membership, String joinedOn) {
        JsonNode created = ok(api.post(path("/members"), Api.body("transactionId", Api.id(), "name", name, "sex", "F",
                "membership", membership, "joinedOn", joinedOn)));
        return created.get("memberId").asText();
    }

    public JsonNode capital(long amount, String on) {
        return ok(api.post(path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM", "amount", amount,
                "occurredOn", on)));
    }

    public JsonNode contribute(String memberId, long amount, String on) {
        return ok(api.post(path("/contributions"), Api.body("transactionId", Api.id(), "memberId", memberId,
                "amount", amount, "occurredOn", on)));
    }

    public JsonNode lend(String borrowerId, long principal, int termMonths, String on) {
        return ok(api.post(path("/loans"), Api.body("transactionId", Api.id(), "borrowerId", borrowerId,
                "principal", principal, "termMonths", termMonths, "occurredOn", on)));
    }

    public JsonNode repay(String loanId, long amount, String on) {
        return ok(api.post(path("/loans/" + loanId + "/repayments"), Api.body("transactionId", Api.id(),
                "amount", amount, "occurredOn", on)));
    }

    public JsonNode group() {
        Api.Response response = api.get(path(""));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
