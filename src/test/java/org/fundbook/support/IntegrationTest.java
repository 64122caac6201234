package org.fundbook.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real, throw-away embedded PostgreSQL, spoken to over HTTP. All integration tests
 * share one context (and one server); each works in groups of its own, so they never see each other's data.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** Speaks as {@code admin}, who may do everything. */
    protected Api api;

    @BeforeEach
    void connect() {
        api = anonymous().as("admin", ADMIN_PASSWORD);
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port);
    }
}
