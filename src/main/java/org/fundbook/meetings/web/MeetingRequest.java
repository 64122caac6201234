package org.fundbook.meetings.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.group.web.Write;
import org.fundbook.platform.web.ApiProblem;

/**
 * A meeting as the phone sends it, checked as a whole before any entry is judged: the contract's whole-request
 * 400s (a body that is not a JSON object or an entry of unknown type: {@code MALFORMED_REQUEST}; no meeting id or
 * date, more than {@value #MAX_ENTRIES} entries, an entry without type or transaction id, a transaction id twice:
 * {@code VALIDATION_FAILED}). Each entry stays raw JSON here; it is read as its single request later, where its
 * own faults answer in its own result.
 */
record MeetingRequest(UUID meetingId, LocalDate heldOn, List<UUID> attendance, List<Entry> entries) {

    static final int MAX_ENTRIES = 500;

    /** One entry: its place, its type's write, its transaction id, and its body as sent. */
    record Entry(int index, Write<?> write, UUID transactionId, ObjectNode body) {
    }

    static MeetingRequest parse(JsonNode body, Map<String, Write<?>> types) {
        if (body == null || !body.isObject()) {
            throw new ApiProblem(400, "MALFORMED_REQUEST", "The body must be a JSON object: a meeting.");
        }
        UUID meetingId = uuid(body.get("meetingId"), "meetingId");
        LocalDate heldOn = date(body.get("heldOn"), "heldOn");
        List<UUID> attendance = new ArrayList<>();
        JsonNode present = body.get("attendance");
        if (present != null && !present.isNull()) {
            if (!present.isArray()) {
                throw ApiProblem.validation("attendance", "must be a list of member ids");
            }
            for (int i = 0; i < present.size(); i++) {
                attendance.add(uuid(present.get(i), "attendance[" + i + "]"));
            }
        }
        JsonNode list = body.get("entries");
        List<Entry> entries = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiProblem.validation("entries", "must be a list of entries");
            }
            if (list.size() > MAX_ENTRIES) {
                throw ApiProblem.validation("entries", "a meeting has at most " + MAX_ENTRIES + " entries, not "
                        + list.size());
            }
            Map<UUID, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode entry = list.get(i);
                String at = "entries[" + i + "]";
                if (!entry.isObject()) {
                    throw new ApiProblem(400, "MALFORMED_REQUEST", at + " must be a JSON object");
                }
                JsonNode type = entry.get("type");
                if (type == null || type.isNull()) {
                    throw ApiProblem.validation(at + ".type", "is required");
                }
                Write<?> write = types.get(type.asText());
                if (!type.isTextual() || write == null) {
                    throw new ApiProblem(400, "MALFORMED_REQUEST", at + " has an unknown type: " + type
                            + "; a meeting takes " + String.join(", ", types.keySet()));
                }
                UUID transactionId = uuid(entry.get("transactionId"), at + ".transactionId");
                Integer earlier = seen.putIfAbsent(transactionId, i);
                if (earlier != null) {
                    throw ApiProblem.validation(at + ".transactionId", "is the transaction id of entries["
                            + earlier + "] too");
                }
                entries.add(new Entry(i, write, transactionId, (ObjectNode) entry));
            }
        }
        return new MeetingRequest(meetingId, heldOn, List.copyOf(attendance), List.copyOf(entries));
    }

    private static UUID uuid(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiProblem.validation(field, "is required");
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(field, "cannot be read as a UUID: " + node);
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiProblem.validation(field, "is required");
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation(field, "cannot be read as a date (YYYY-MM-DD): " + node);
        }
    }
}
