package org.fundbook.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds the RFC 9457 body every refusal shares: title, status, detail, the stable code, field errors. */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail toProblem(ApiProblem problem, String instance) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR, problem.getMessage());
        body.setType(URI.create("https://fundbook.org/problems/" + problem.code().toLowerCase().replace('_', '-')));
        body.setProperty("code", problem.code());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", List.copyOf(problem.errors()));
        }
        if (instance != null) {
            body.setInstance(URI.create(instance));
        }
        return body;
    }

    /** For answers given outside Spring MVC (filters, security). */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), toProblem(problem, request.getRequestURI()));
    }
}
