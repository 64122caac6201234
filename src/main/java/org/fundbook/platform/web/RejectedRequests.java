package org.fundbook.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before they reach the API are answered as problem details too, never with a server's own page:
 * those the request firewall rejects ({@code //}, {@code %2e%2e}, {@code ;x=1}: 400 {@code MALFORMED_REQUEST}), and
 * those Tomcat refuses itself ({@code %2F}, {@code %00} in the path), whose answer its host's error report valve
 * writes. The valve here replaces Tomcat's HTML page with the same problem details, naming no server.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                response.reset();
                problems.write(request, response, new ApiProblem(400, "MALFORMED_REQUEST",
                        "The request's path or headers are not allowed here."));
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemReports();
    }

    private static final class ProblemReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // Tomcat's HTML valve (Spring Boot adds one, the host another at start) gives way to ours.
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                    // A request refused before it is mapped to a host (an invalid URI) is reported by the engine.
                    if (host.getParent() != null) {
                        host.getParent().getPipeline().addValve(new ProblemReportValve());
                    }
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own customizer, which adds Tomcat's HTML valve
        }
    }

    /** Tomcat's error report, as problem details: only for answers nothing else has written. */
    public static final class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String code = code(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://fundbook.org/problems/" + code.toLowerCase().replace('_', '-'));
            HttpStatus known = HttpStatus.resolve(status);
            problem.put("title", known != null ? known.getReasonPhrase() : "Error");
            problem.put("status", status);
            problem.put("detail", status == 400 ? "The request's path or headers are not allowed here."
                    : "The request could not be served.");
            problem.put("code", code);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer was taken over: nothing more to say
            }
        }

        private static String code(int status) {
            return switch (status) {
                case 400 -> "MALFORMED_REQUEST";
                case 401 -> "UNAUTHENTICATED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 413 -> "PAYLOAD_TOO_LARGE";
                default -> status < 500 ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
            };
        }
    }
}
