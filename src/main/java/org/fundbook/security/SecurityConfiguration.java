package org.fundbook.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two ways in. The API ({@code /api/**}, the actuator, the API description): HTTP Basic, stateless — it never
 * makes a session or sets a cookie; a page's script may call it with the page's session instead, and then a
 * write needs the session's CSRF token (a Basic client sends none and needs none). Health and metrics open for
 * probes and Prometheus; the rest of the actuator for ADMIN only. Refusals are problem details: 401
 * UNAUTHENTICATED, 403 FORBIDDEN.
 *
 * <p>The pages (everything else): a form login into a session kept in PostgreSQL (Spring Session JDBC), CSRF
 * tokens on every form, logout, the same users, lockout and access table as the API ({@link PageAccess}), a
 * strict Content-Security-Policy, and a 403 page outside the caller's role or scope.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    BasicLoginProvider basicLoginProvider(UserStore users, PasswordEncoder encoder, Clock clock) {
        return new BasicLoginProvider(users, encoder, clock);
    }

    @Bean
    AuthenticationManager authenticationManager(BasicLoginProvider logins) {
        return new ProviderManager(logins);
    }

    /** Scripts, styles, images, fonts and connections from the service only; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Written only by a page's session: a write without Basic credentials on a live session needs the token. */
    private static boolean sessionWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("TRACE");
        return !safe && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, AccessPolicy policy,
                            ProblemWriter problems) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**")
                // a page's session is read, never created here; Basic logins are never kept in it
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
                .requestCache(cache -> cache.disable())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic
                        .realmName("Fundbook")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Fundbook\", charset=\"UTF-8\"");
                            problems.write(request, response, new ApiProblem(401, "UNAUTHENTICATED",
                                    "Log in with HTTP Basic." + (e instanceof org.springframework.security
                                            .authentication.LockedException ? " " + e.getMessage() + "." : "")));
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Fundbook\", charset=\"UTF-8\"");
                            problems.write(request, response,
                                    new ApiProblem(401, "UNAUTHENTICATED", "Log in with HTTP Basic."));
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                e instanceof CsrfException
                                        ? new ApiProblem(403, "FORBIDDEN",
                                                "The page's CSRF token is missing or out of date; reload the page.")
                                        : new ApiProblem(403, "FORBIDDEN",
                                                "This is outside your role or your scope."))))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/**").access(policy)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    private static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/session/**"))));
        return cache;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager, PageAccess access)
            throws Exception {
        return http
                .authenticationManager(authenticationManager)
                // A login moves the session's attributes to a new session and deletes the old one, rather than
                // renaming it: a request the browser sent with the old id just before (its scripts, styles, the
                // service worker) saves its copy by the row's key when it ends, and with a renamed session that
                // write put the old id back and lost the login. A deleted row takes no such write.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // a script asking for its token without a session is told 401, and is never where a login
                // returns to; a person is sent to the login page and back to the page they asked for
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/session/**"))
                        .accessDeniedPage("/denied"))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/assets/**", "/webjars/**", "/sw.js",
                                "/manifest.webmanifest", "/favicon.ico").permitAll()
                        .requestMatchers("/login", "/error", "/denied").permitAll()
                        .anyRequest().access(access))
                .build();
    }
}
