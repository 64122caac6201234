package org.fundbook.group.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.GroupEvent;
import org.fundbook.group.query.Balances;

/**
 * One kind of write as its single endpoint takes it: the request body it reads, the path it is sent to, the
 * command it becomes and the answer it gives. The endpoint and a meeting's entry of this type both go through it,
 * so an entry is the same request as its single: same path, same body, same fingerprint, same answer.
 *
 * @param entryType   the entry's {@code type} in a meeting
 * @param pathId      the entry field that the single endpoint takes from its path ({@code loanId}), or null
 * @param dateField   the body's value date, which a meeting's entry may leave to the meeting's date
 * @param subPath     the path below the group's, given the path id
 */
public record Write<R extends Write.Request>(String entryType, String pathId, String dateField, Class<R> requestType,
                                             Function<UUID, String> subPath, CommandOf<R> command, AnswerOf answer) {

    /** Every write's body carries its client-chosen transaction id. */
    public interface Request {
        UUID transactionId();
    }

    @FunctionalInterface
    public interface CommandOf<R> {
        GroupCommand of(UUID groupId, UUID pathId, R request, LocalDate today);
    }

    /** The 201 body, given the event recorded and the group's balances right after it. */
    @FunctionalInterface
    public interface AnswerOf {
        Object of(GroupEvent event, Balances balances);
    }

    /** A write sent to a fixed path, dated by {@code occurredOn}. */
    public static <R extends Request> Write<R> at(String entryType, String subPath, Class<R> requestType,
                                                  CommandOf<R> command, AnswerOf answer) {
        return new Write<>(entryType, null, "occurredOn", requestType, id -> subPath, command, answer);
    }

    /** A write to a path naming a loan or a grant ({@code pathId}), dated by {@code occurredOn}. */
    public static <R extends Request> Write<R> under(String entryType, String pathId, Class<R> requestType,
                                                     Function<UUID, String> subPath, CommandOf<R> command,
                                                     AnswerOf answer) {
        return new Write<>(entryType, pathId, "occurredOn", requestType, subPath, command, answer);
    }

    public String path(UUID groupId, UUID pathIdValue) {
        return "/api/v1/groups/" + groupId + subPath.apply(pathIdValue);
    }

    /**
     * A money movement's answer: transactionId, kind and value date first, then the movement's own fields, then the
     * balances after it.
     */
    public static Map<String, Object> movement(GroupEvent event, Balances balances, Object... fields) {
        GroupEvent.GroupTransaction transaction = (GroupEvent.GroupTransaction) event;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transaction.transactionId());
        body.put("kind", transaction.kind());
        body.put("occurredOn", transaction.occurredOn());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        body.put("balances", balances);
        return body;
    }
}
