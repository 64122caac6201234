package org.fundbook.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fundbook.platform.web.ApiProblem;

/**
 * Query parameters of the audit and report reads, parsed by hand rather than by Spring's binder so that a bad
 * value is answered only after the caller's scope was checked, and every bad field is named in one answer.
 */
public final class Params {

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    /** A value date {@code YYYY-MM-DD}, or {@code fallback} when the parameter is absent. */
    public LocalDate date(String name, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError(name, "must be a date (YYYY-MM-DD): " + text));
            return fallback;
        }
    }

    /** An instant, ISO-8601 in UTC ({@code 2024-05-01T03:00:00Z}) or with an offset ({@code +07:00}). */
    public Instant instant(String name, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError(name,
                    "must be an ISO-8601 instant with a zone offset (e.g. 2024-05-01T03:00:00Z): " + text));
            return fallback;
        }
    }

    /** {@code from} and {@code to} are inclusive; a range that ends before it starts is a mistake, not empty. */
    public void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new ApiProblem.FieldError("to", "must not be before from"));
        }
    }

    public void invalid(String name, String message) {
        errors.add(new ApiProblem.FieldError(name, message));
    }

    /** Answers 400 VALIDATION_FAILED naming every bad parameter, if there was one. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }
}
