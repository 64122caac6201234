package org.fundbook.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** api.md, "Meetings": a whole meeting in one request, each entry judged and answered as if sent alone. */
class MeetingHttpTest extends IntegrationTest {

    private static final String HELD_ON = "2024-03-05";

    private Ledger group;
    private String sokha;
    private String dara;

    @BeforeEach
    void aGroupWithTwoSavers() {
        group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        sokha = group.member("Sokha", "MEMBER", "2024-01-01");
        dara = group.member("Dara", "MEMBER", "2024-01-01");
        group.contribute(sokha, 100_000, "2024-01-02");
    }

    private static Map<String, Object> meeting(String meetingId, List<String> present, Object... entries) {
        return Api.body("meetingId", meetingId, "heldOn", HELD_ON, "attendance", present, "entries", List.of(entries));
    }

    private static Map<String, Object> contribution(String tx, String member, long amount) {
        return Api.body("type", "CONTRIBUTION", "transactionId", tx, "memberId", member, "amount", amount);
    }

    private static Map<String, Object> withdrawal(String tx, String member, long amount) {
        return Api.body("type", "WITHDRAWAL", "transactionId", tx, "memberId", member, "amount", amount);
    }

    private Api.Response send(Map<String, Object> meeting) {
        return api.post(group.path("/meetings"), meeting);
    }

    private static List<JsonNode> results(Api.Response answer) {
        List<JsonNode> results = new ArrayList<>();
        answer.json().get("results").forEach(results::add);
        return results;
    }

    private long events() {
        return api.get(group.path("/audit/verify")).json().get("events").asLong();
    }

    @Test
    void everyEntryIsRecordedAndAnsweredAsItsSingleWouldBe() {
        String newcomer = Api.id();
        String save = Api.id();
        Api.Response answer = send(meeting(Api.id(), List.of(sokha, newcomer),
                Api.body("type", "MEMBER", "transactionId", newcomer, "name", "Srey", "sex", "F",
                        "membership", "MEMBER"),
                contribution(save, newcomer, 5_000),
                Api.body("type", "LOAN", "transactionId", Api.id(), "borrowerId", sokha, "principal", 50_000,
                        "termMonths", 3)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> results = results(answer);
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 201, 201);
        assertThat(results.get(0).get("body").get("savings").asLong()).isZero();
        assertThat(results.get(1).get("body").get("savingsAfter").asLong()).isEqualTo(5_000);
        assertThat(results.get(1).get("body").get("occurredOn").asText()).isEqualTo(HELD_ON);
        assertThat(answer.json().get("balances")).isEqualTo(group.group().get("balances"));
        assertThat(answer.json().get("ignoredAttendance")).isEmpty();

        Api.Response single = api.post(group.path("/contributions"), Api.body("transactionId", save,
                "memberId", newcomer, "amount", 5_000, "occurredOn", HELD_ON));
        assertThat(single.status()).isEqualTo(201);
        assertThat(single.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(single.json()).isEqualTo(results.get(1).get("body"));
    }

    @Test
    void aMeetingIsInTheAuditTrailTheJournalAndTheChainLikeEveryWrite() throws InterruptedException {
        String save = Api.id();
        send(meeting(Api.id(), List.of(dara), contribution(save, dara, 4_000)));

        JsonNode trail = api.get(group.path("/audit/events?from=" + HELD_ON)).json();
        assertThat(trail).extracting(e -> e.get("type").asText()).containsExactly("ContributionRecorded", "MeetingHeld");
        assertThat(trail.get(1).get("occurredOn").asText()).isEqualTo(HELD_ON);
        assertThat(trail.get(1).get("payload").get("transactionIds").get(0).asText()).isEqualTo(save);
        assertThat(api.get(group.path("/journal?from=" + HELD_ON)).json()).hasSize(1);
        assertThat(api.get(group.path("/trial-balance")).json().get("balanced").asBoolean()).isTrue();
        assertThat(api.get(group.path("/audit/verify")).json().get("verified").asBoolean()).isTrue();
        awaitJournalCaughtUp(group.groupId);
        assertThat(jdbc.queryForObject("SELECT problem FROM ledger_check_position WHERE group_id = ?::uuid",
                String.class, group.groupId)).isNull();
    }

    @Test
    void aRefusedEntryChangesNothingAndTheEntriesAfterItAreRecorded() {
        Api.Response answer = send(meeting(Api.id(), List.of(),
                contribution(Api.id(), dara, 2_000),
                withdrawal(Api.id(), dara, 9_000),
                contribution(Api.id(), sokha, 3_000)));

        List<JsonNode> results = results(answer);
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 422, 201);
        assertThat(results.get(1).get("body").get("code").asText()).isEqualTo("INSUFFICIENT_SAVINGS");
        assertThat(results.get(1).get("replayed").asBoolean()).isFalse();
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(105_000);
    }

    @Test
    void theCashCountIsJudgedLastWhateverItsPlace() {
        Api.Response answer = send(meeting(Api.id(), List.of(),
                Api.body("type", "CASH_COUNT", "transactionId", Api.id(), "countedCash", 110_000),
                contribution(Api.id(), dara, 10_000)));

        JsonNode count = results(answer).get(0).get("body");
        assertThat(count.get("expectedCash").asLong()).isEqualTo(110_000);
        assertThat(count.get("discrepancy").asLong()).isZero();
    }

    @Test
    void sendingTheMeetingAgainRecordsNothingAndAnswersFromTheRecord() {
        Map<String, Object> meeting = meeting(Api.id(), List.of(sokha), contribution(Api.id(), dara, 2_000),
                withdrawal(Api.id(), sokha, 500));
        Api.Response first = send(meeting);
        long events = events();

        Api.Response again = send(meeting);

        assertThat(events()).isEqualTo(events);
        List<JsonNode> before = results(first);
        List<JsonNode> after = results(again);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("replayed").asBoolean()).isTrue();
            assertThat(after.get(i).get("body")).isEqualTo(before.get(i).get("body"));
        }
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(101_500);
    }

    @Test
    void sendingItAgainWithAForgottenEntryRecordsOnlyThatOne() {
        String meetingId = Api.id();
        Object saved = contribution(Api.id(), dara, 2_000);
        send(meeting(meetingId, List.of(sokha), saved));
        String forgotten = Api.id();

        Api.Response again = send(meeting(meetingId, List.of(sokha, dara), saved, contribution(forgotten, dara, 700)));

        assertThat(results(again)).extracting(r -> r.get("replayed").asBoolean()).containsExactly(true, false);
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(102_700);
        JsonNode held = api.get(group.path("/meetings")).json().get(0);
        assertThat(held.get("meetingId").asText()).isEqualTo(meetingId);
        assertThat(held.get("attendance")).extracting(JsonNode::asText).containsExactly(sokha, dara);
        assertThat(held.get("transactionIds")).hasSize(2);
        assertThat(held.get("recordedBy").asText()).isEqualTo("admin");
    }

    @Test
    void aRefusedEntryIsJudgedAgainWhenSentAgain() {
        String meetingId = Api.id();
        Object early = withdrawal(Api.id(), dara, 1_000);
        assertThat(results(send(meeting(meetingId, List.of(), early))).get(0).get("status").asInt()).isEqualTo(422);
        group.contribute(dara, 5_000, "2024-03-01");

        Api.Response again = send(meeting(meetingId, List.of(), early));

        assertThat(results(again).get(0).get("status").asInt()).isEqualTo(201);
    }

    @Test
    void anEntrysOwnFaultsAnswerInItsResultAndChangeNothing() {
        String reused = Api.id();
        group.contribute(dara, 1_000, "2024-03-01");
        api.post(group.path("/contributions"), Api.body("transactionId", reused, "memberId", dara, "amount", 1_000,
                "occurredOn", "2024-03-01"));
        Map<String, Object> late = contribution(Api.id(), dara, 1_000);
        late.put("occurredOn", "2024-03-06");
        Map<String, Object> notANumber = contribution(Api.id(), dara, 1_000);
        notANumber.put("amount", "a lot");

        Api.Response answer = send(meeting(Api.id(), List.of(), late, notANumber,
                contribution(reused, dara, 2_000), Api.body("type", "REPAYMENT", "transactionId", Api.id(),
                        "amount", 1_000)));

        List<JsonNode> results = results(answer);
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(400, 400, 409, 400);
        assertThat(results.get(0).get("body").get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        assertThat(results.get(1).get("body").get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(results.get(2).get("body").get("code").asText()).isEqualTo("TRANSACTION_ID_REUSED");
        assertThat(results.get(3).get("body").get("errors").get(0).get("field").asText()).isEqualTo("loanId");
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(102_000);
    }

    @Test
    void peoplePresentWhoAreNotMembersAreLeftOutAndListed() {
        String stranger = Api.id();

        Api.Response answer = send(meeting(Api.id(), List.of(sokha, stranger)));

        assertThat(answer.json().get("ignoredAttendance")).extracting(JsonNode::asText).containsExactly(stranger);
        assertThat(api.get(group.path("/meetings")).json().get(0).get("attendance"))
                .extracting(JsonNode::asText).containsExactly(sokha);
    }

    @Test
    void aMeetingThatIsWrongAsAWholeIsRefusedAndRecordsNothing() {
        long events = events();
        String meetingId = Api.id();
        send(meeting(meetingId, List.of(sokha)));
        long afterFirst = events();
        String tx = Api.id();
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i <= MeetingRequest.MAX_ENTRIES; i++) {
            tooMany.add(contribution(Api.id(), dara, 1));
        }

        assertRefused(send(Api.body("heldOn", HELD_ON, "entries", List.of(contribution(Api.id(), dara, 1)))),
                400, "VALIDATION_FAILED");
        assertRefused(send(meeting(Api.id(), List.of(), Api.body("type", "SHARES", "transactionId", Api.id()))),
                400, "MALFORMED_REQUEST");
        assertRefused(send(meeting(Api.id(), List.of(), Api.body("transactionId", Api.id()))), 400,
                "VALIDATION_FAILED");
        assertRefused(send(meeting(Api.id(), List.of(), Api.body("type", "CONTRIBUTION", "memberId", dara,
                "amount", 5))), 400, "VALIDATION_FAILED");
        assertRefused(send(meeting(Api.id(), List.of(), contribution(tx, dara, 1), contribution(tx, dara, 1))), 400,
                "VALIDATION_FAILED");
        assertRefused(send(Api.body("meetingId", Api.id(), "heldOn", HELD_ON, "entries", tooMany)), 400,
                "VALIDATION_FAILED");
        assertRefused(api.post(group.path("/meetings"), "{\"meetingId\": "), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/groups/" + Api.id() + "/meetings", meeting(Api.id(), List.of())), 404,
                "GROUP_NOT_FOUND");
        Map<String, Object> anotherDay = meeting(meetingId, List.of(), contribution(Api.id(), dara, 1));
        anotherDay.put("heldOn", "2024-03-06");
        assertRefused(send(anotherDay), 409, "TRANSACTION_ID_REUSED");

        assertThat(afterFirst).isEqualTo(events + 1);
        assertThat(events()).isEqualTo(afterFirst);
    }

    private static void assertRefused(Api.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void onlyTheGroupsCashiersAndLeadersMaySendItsMeetings() {
        Ledger other = Ledger.register(api, "CEDAC", "2024-01-01", null);
        Api cashier = user("CASHIER", List.of(group.groupId), null);
        Api otherCashier = user("CASHIER", List.of(other.groupId), null);
        Api accountant = user("ACCOUNTANT", null, List.of("Svay Rieng", "Prey Veng"));
        long events = events();

        assertRefused(otherCashier.post(group.path("/meetings"), meeting(Api.id(), List.of(),
                contribution(Api.id(), dara, 1_000))), 403, "FORBIDDEN");
        assertRefused(accountant.post(group.path("/meetings"), meeting(Api.id(), List.of(),
                contribution(Api.id(), dara, 1_000))), 403, "FORBIDDEN");
        assertThat(events()).isEqualTo(events);
        assertThat(cashier.post(group.path("/meetings"), meeting(Api.id(), List.of(),
                contribution(Api.id(), dara, 1_000))).status()).isEqualTo(200);
    }

    private Api user(String role, List<String> groups, List<String> provinces) {
        String username = role.toLowerCase() + "-" + Api.id().substring(0, 8);
        createUser(username, "a long passphrase", role, groups, provinces);
        return anonymous().as(username, "a long passphrase");
    }

    @Test
    void theRosterHasWhatAPhoneNeedsAndAnswers304WhileNothingChanged() {
        JsonNode loan = group.lend(sokha, 50_000, 3, "2024-02-01");

        Api.Response roster = api.get(group.path("/roster"));

        assertThat(roster.status()).isEqualTo(200);
        JsonNode body = roster.json();
        assertThat(body.get("group").get("groupId").asText()).isEqualTo(group.groupId);
        assertThat(body.get("members")).hasSize(2);
        JsonNode borrower = body.get("members").get(0);
        assertThat(borrower.get("savings").asLong()).isEqualTo(100_000);
        assertThat(borrower.get("loans").get(0).get("loanId").asText()).isEqualTo(loan.get("loanId").asText());
        assertThat(borrower.get("loans").get(0).get("interestDue").asLong()).isPositive();
        assertThat(body.get("balances")).isEqualTo(group.group().get("balances"));
        String etag = roster.header("ETag");
        assertThat(etag).contains(body.get("lastSequence").asText());

        assertThat(api.header("If-None-Match", etag).get(group.path("/roster")).status()).isEqualTo(304);
        group.contribute(dara, 1_000, "2024-03-01");
        Api.Response changed = api.header("If-None-Match", etag).get(group.path("/roster"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void meetingsAreListedByTheirDate() {
        send(meeting(Api.id(), List.of(sokha)));
        Map<String, Object> later = meeting(Api.id(), List.of(dara));
        later.put("heldOn", "2024-04-05");
        send(later);

        assertThat(api.get(group.path("/meetings?from=2024-04-01")).json()).hasSize(1);
        assertThat(api.get(group.path("/meetings?to=2024-04-01")).json()).hasSize(1);
        assertThat(api.get(group.path("/meetings")).json()).hasSize(2);
    }
}
