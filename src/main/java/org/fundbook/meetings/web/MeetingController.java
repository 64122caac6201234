package org.fundbook.meetings.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.fundbook.grants.web.GrantWrites;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent.BalanceFigures;
import org.fundbook.group.query.Balances;
import org.fundbook.group.web.GroupWrites;
import org.fundbook.group.web.Write;
import org.fundbook.lending.web.LendingWrites;
import org.fundbook.meetings.MeetingRules;
import org.fundbook.meetings.query.MeetingQueries;
import org.fundbook.meetings.query.MeetingQueries.MeetingView;
import org.fundbook.platform.LedgerWriter;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.platform.web.ProblemWriter;
import org.fundbook.savings.web.SavingsWrites;
import org.fundbook.web.ProblemHandler;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole meeting in one request (api.md, "Meetings"): each entry read, checked and fingerprinted exactly as its
 * single endpoint would, answered from its stored answer when it was recorded before, judged otherwise; everything
 * new committed in one transaction before the answer.
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/meetings")
class MeetingController {

    /** What a meeting may carry, by entry type: every one of them a cashier's write. */
    static final Map<String, Write<?>> ENTRY_TYPES = byType(GroupWrites.MEMBER, SavingsWrites.CONTRIBUTION,
            SavingsWrites.WITHDRAWAL, LendingWrites.LOAN, LendingWrites.REPAYMENT, GrantWrites.EMERGENCY_GRANT,
            GrantWrites.GRANT_RECOVERY, GrantWrites.PAYOUT, GroupWrites.CASH_COUNT);

    private final LedgerWriter writer;
    private final MeetingQueries meetings;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    MeetingController(LedgerWriter writer, MeetingQueries meetings, ObjectMapper json, Validator validator,
                      Clock clock) {
        this.writer = writer;
        this.meetings = meetings;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /** One result of the answer, in the request's order. */
    record Result(UUID transactionId, int status, boolean replayed, Object body) {
    }

    record Answer(UUID meetingId, LocalDate heldOn, List<Result> results, Balances balances,
                  List<UUID> ignoredAttendance) {
    }

    @PostMapping
    Answer hold(@PathVariable UUID groupId, @RequestBody JsonNode body) {
        MeetingRequest meeting = MeetingRequest.parse(body, ENTRY_TYPES);
        LocalDate today = LocalDate.now(clock);
        List<Prepared> prepared = meeting.entries().stream().map(e -> prepare(groupId, meeting.heldOn(), e, today))
                .toList();
        List<LedgerWriter.Keyed> keys = prepared.stream().filter(p -> p.problem() == null)
                .map(p -> new LedgerWriter.Keyed(p.transactionId(), p.fingerprint())).toList();
        return writer.writeBatch(groupId, meeting.meetingId(), keys, new LedgerWriter.Batch<>() {
            private final Map<UUID, LedgerWriter.Recorded> earlier = new LinkedHashMap<>();

            @Override
            public Object command(Map<UUID, LedgerWriter.Recorded> recorded) {
                earlier.putAll(recorded);
                List<GroupCommand> toJudge = prepared.stream()
                        .filter(p -> p.problem() == null && !recorded.containsKey(p.transactionId()))
                        .map(Prepared::command).toList();
                return new GroupCommand.HoldMeeting(groupId, meeting.meetingId(), meeting.heldOn(),
                        meeting.attendance(), toJudge, today);
            }

            @Override
            public Answer answer(Object result, BiConsumer<UUID, Object> record) {
                MeetingRules.Decision decision = (MeetingRules.Decision) result;
                Map<UUID, MeetingRules.Outcome> judged = new LinkedHashMap<>();
                decision.outcomes().forEach(o -> judged.put(o.transactionId(), o));
                List<Result> results = new ArrayList<>();
                for (Prepared p : prepared) {
                    results.add(result(p, earlier.get(p.transactionId()), judged.get(p.transactionId()), record));
                }
                return new Answer(meeting.meetingId(), meeting.heldOn(), results, balances(decision.balances()),
                        decision.ignoredAttendance());
            }
        });
    }

    @GetMapping
    List<MeetingView> list(@PathVariable UUID groupId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.validation("from", "must not be after to");
        }
        return meetings.meetings(groupId, from, to);
    }

    // ------------------------------------------------------------------------------------------- entries

    /** An entry read as its single request: ready to judge, or refused with its 400 (then {@code problem}). */
    private record Prepared(UUID transactionId, String path, String fingerprint, GroupCommand command,
                            Write<?> write, ApiProblem problem) {
    }

    private Prepared prepare(UUID groupId, LocalDate heldOn, MeetingRequest.Entry entry, LocalDate today) {
        return prepare(groupId, heldOn, entry, entry.write(), today);
    }

    private <R extends Write.Request> Prepared prepare(UUID groupId, LocalDate heldOn, MeetingRequest.Entry entry,
                                                       Write<R> write, LocalDate today) {
        ObjectNode body = entry.body().deepCopy();
        body.remove("type");
        UUID pathId = null;
        String path = write.path(groupId, null);
        try {
            if (write.pathId() != null) {
                pathId = readPathId(body, write.pathId());
                path = write.path(groupId, pathId);
            }
            JsonNode date = body.get(write.dateField());
            if (date == null || date.isNull()) {
                body.put(write.dateField(), heldOn.toString());
            } else if (date.isTextual() && isAfter(date.asText(), heldOn)) {
                throw ApiProblem.validation(write.dateField(), "must not be after the meeting's date " + heldOn);
            }
            R request = json.treeToValue(body, write.requestType());
            List<ApiProblem.FieldError> errors = validator.validate(request).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<R> v) -> v.getPropertyPath().toString()))
                    .map(v -> new ApiProblem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
            if (!errors.isEmpty()) {
                throw ApiProblem.validation(errors);
            }
            return new Prepared(entry.transactionId(), path, writer.fingerprint(path, request),
                    write.command().of(groupId, pathId, request, today), write, null);
        } catch (ApiProblem problem) {
            return new Prepared(entry.transactionId(), path, null, null, write, problem);
        } catch (JsonMappingException e) {
            return new Prepared(entry.transactionId(), path, null, null, write, ProblemHandler.unreadable(e));
        } catch (JsonProcessingException e) {
            return new Prepared(entry.transactionId(), path, null, null, write,
                    new ApiProblem(400, "MALFORMED_REQUEST", "The entry cannot be read: " + e.getOriginalMessage()));
        }
    }

    private static UUID readPathId(ObjectNode body, String field) {
        JsonNode id = body.remove(field);
        if (id == null || id.isNull()) {
            throw ApiProblem.validation(field, "is required");
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(field, "cannot be read as a UUID: " + id);
        }
    }

    private static boolean isAfter(String date, LocalDate heldOn) {
        try {
            return LocalDate.parse(date).isAfter(heldOn);
        } catch (DateTimeParseException e) {
            return false; // reading the body names the field
        }
    }

    /** An entry's result: its 400, its stored answer, its 409, or what the ledger decided now. */
    private Result result(Prepared p, LedgerWriter.Recorded earlier, MeetingRules.Outcome judged,
                          BiConsumer<UUID, Object> record) {
        if (p.problem() != null) {
            return problem(p, p.problem());
        }
        if (earlier != null) {
            if (!earlier.sameRequest()) {
                return problem(p, new ApiProblem(409, "TRANSACTION_ID_REUSED", "transaction " + p.transactionId()
                        + " was already used for a different request"));
            }
            return new Result(p.transactionId(), earlier.status(), true, tree(earlier.body()));
        }
        if (judged instanceof MeetingRules.Recorded recorded) {
            Object body = p.write().answer().of(recorded.event(), balances(recorded.balancesAfter()));
            record.accept(p.transactionId(), body);
            return new Result(p.transactionId(), 201, false, body);
        }
        if (judged instanceof MeetingRules.Refused refused) {
            return problem(p, ProblemHandler.problemOf(refused.refusal()));
        }
        throw new IllegalStateException("entry " + p.transactionId() + " was neither judged nor recorded before");
    }

    private static Result problem(Prepared p, ApiProblem problem) {
        return new Result(p.transactionId(), problem.status(), false, ProblemWriter.toProblem(problem, p.path()));
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON", e);
        }
    }

    private static Balances balances(BalanceFigures f) {
        return Balances.of(f.cash(), f.loanPrincipalOutstanding(), f.memberSavings(), f.pools());
    }

    private static Map<String, Write<?>> byType(Write<?>... writes) {
        Map<String, Write<?>> types = new LinkedHashMap<>();
        Stream.of(writes).forEach(w -> types.put(w.entryType(), w));
        return Collections.unmodifiableMap(types);
    }
}
