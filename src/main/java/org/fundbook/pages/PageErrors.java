package org.fundbook.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.web.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that cannot be shown answers with a page in the reader's language, never with the API's JSON: a group
 * or member that does not exist is 404, a malformed id 400, anything else 500 (and logged).
 */
@ControllerAdvice(basePackages = "org.fundbook.pages")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletResponse response) {
        int status = statusOf(e);
        if (status >= 500) {
            log.error("A page failed", e);
        }
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        return page;
    }

    /** 404 for what does not exist (a refusal's *_NOT_FOUND, an id that is not one), else the refusal's, else 500. */
    private static int statusOf(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException) {
            return 404;
        }
        if (e instanceof ApiProblem problem) {
            return problem.status();
        }
        try {
            return ProblemHandler.problemOf((RuntimeException) e).status();
        } catch (ClassCastException | IllegalArgumentException notARefusal) {
            return 500;
        }
    }
}
