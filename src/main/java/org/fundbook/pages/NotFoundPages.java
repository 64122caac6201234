package org.fundbook.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.platform.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that nothing serves: under the API (and the API description, the actuator) the API's 404 problem
 * details, as every client of it expects; anywhere else — a person's mistyped page — the not-found page in their
 * language.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPages {

    private final ProblemWriter problems;

    NotFoundPages(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/")) {
            return new ModelAndView((model, req, res) -> problems.write(req, res,
                    new ApiProblem(404, "NOT_FOUND", "No such resource.")));
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
