package org.fundbook.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.TransactionIdReused;
import org.fundbook.platform.IdempotencyKeyReused;
import org.fundbook.platform.StreamNotFound;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.platform.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal the API gives, as problem details with the contract's code. Nothing here changes state. The
 * ledger's refusal codes get their HTTP status here: an id that does not exist ({@code *_NOT_FOUND}) is 404,
 * a rule that refuses is 422; an idempotency key already used for another request is 409.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return answer(problem, request);
    }

    @ExceptionHandler(LedgerRefusal.class)
    ResponseEntity<ProblemDetail> refusal(LedgerRefusal refusal, HttpServletRequest request) {
        return answer(problemOf(refusal), request);
    }

    /**
     * A refusal of the ledger's (a {@link LedgerRefusal}, an id reused) as the problem its single request answers;
     * for answers given outside an exception handler, such as a meeting's entries.
     */
    public static ApiProblem problemOf(RuntimeException refusal) {
        if (refusal instanceof LedgerRefusal r) {
            return new ApiProblem(status(r.code()), r.code().name(), r.getMessage());
        }
        if (refusal instanceof TransactionIdReused || refusal instanceof IdempotencyKeyReused) {
            return new ApiProblem(409, "TRANSACTION_ID_REUSED", refusal.getMessage());
        }
        throw new IllegalArgumentException("not a refusal: " + refusal, refusal);
    }

    /** A body whose JSON could be parsed but not read as the request: the field, and why. */
    public static ApiProblem unreadable(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof InvalidFormatException format
                    ? "cannot be read as " + describe(format.getTargetType()) + ": " + format.getValue()
                    : "has the wrong type or is missing";
            return ApiProblem.validation(fieldPath(mismatch), message);
        }
        return ApiProblem.validation(fieldPath(e), "is not valid");
    }

    static int status(RefusalCode code) {
        return code.name().endsWith("_NOT_FOUND") ? 404 : 422;
    }

    @ExceptionHandler(TransactionIdReused.class)
    ResponseEntity<ProblemDetail> reused(TransactionIdReused reused, HttpServletRequest request) {
        return reused(reused.getMessage(), request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused, HttpServletRequest request) {
        return reused(reused.getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> reused(String detail, HttpServletRequest request) {
        return answer(new ApiProblem(409, "TRANSACTION_ID_REUSED", detail), request);
    }

    @ExceptionHandler(StreamNotFound.class)
    ResponseEntity<ProblemDetail> noStream(StreamNotFound missing, HttpServletRequest request) {
        RefusalCode code = RefusalCode.GROUP_NOT_FOUND;
        return answer(new ApiProblem(status(code), code.name(), missing.getMessage()), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof LedgerRefusal refusal) {
            return refusal(refusal, request);
        }
        if (cause instanceof TransactionIdReused reused) {
            return reused(reused, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(
                new ApiProblem.FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new ApiProblem.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return answer(ApiProblem.validation(errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new ApiProblem.FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return answer(ApiProblem.validation(errors), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return answer(problem, request);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // not JSON at all (a syntax error, an end before the value ends): whatever its fields hold
            if (t instanceof JsonParseException syntax) {
                return answer(new ApiProblem(400, "MALFORMED_REQUEST",
                        "The body is not well-formed JSON: " + syntax.getOriginalMessage()), request);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(unreadable(mapping), request);
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or cannot be read.";
        return answer(new ApiProblem(400, "MALFORMED_REQUEST", detail), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(ApiProblem.validation(e.getName(), "cannot be read as " + describe(e.getRequiredType())
                + ": " + e.getValue()), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(ApiProblem.validation(e.getParameterName(), "is required"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(new ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (application/json)."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(new ApiProblem(406, "NOT_ACCEPTABLE", "This resource is served as JSON."), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(new ApiProblem(405, "METHOD_NOT_ALLOWED", e.getMessage()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(new ApiProblem(404, "NOT_FOUND", "No such resource."), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(new ApiProblem(500, "INTERNAL_ERROR", "The request failed; nothing was recorded."), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ApiProblem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.toProblem(problem, request.getRequestURI()));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type.getSimpleName().equals("LocalDate")) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.getSimpleName().equals("UUID")) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }
}
