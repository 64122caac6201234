package org.fundbook.platform.web;

import java.util.List;

/**
 * An answer that refuses a request: status, the contract's stable code, and for validation the offending
 * fields. Rendered as RFC 9457 problem details by {@link ProblemWriter} (for MVC, by the web layer's
 * exception handler).
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public ApiProblem(int status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(400, "VALIDATION_FAILED", "The request has invalid fields.", errors);
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
