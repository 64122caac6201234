package org.fundbook.security;

import java.time.Clock;
import org.fundbook.platform.web.ApiProblem;
import org.fundbook.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic on every {@code /api/**} path, no sessions, no cookies (so no CSRF); health and metrics open for
 * probes and Prometheus; the rest of the actuator for ADMIN only. Refusals are problem details: 401
 * UNAUTHENTICATED, 403 FORBIDDEN.
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

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, AccessPolicy policy,
                            ProblemWriter problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
                                new ApiProblem(403, "FORBIDDEN", "This is outside your role or your scope."))))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/**").access(policy)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
