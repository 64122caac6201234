package org.fundbook.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundbook.FundbookApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
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

    @Autowired
    private EmbeddedPostgres postgres;

    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** Speaks as {@code admin}, who may do everything. */
    protected Api api;

    @BeforeEach
    void connect() {
        api = anonymous().as("admin", ADMIN_PASSWORD);
    }

    /**
     * The journal check is kept by a streaming processor that follows the event store a little behind the writes:
     * wait until it has posted the group's last event (a test that then changes stored events, or reads the
     * check, sees what the check saw).
     */
    protected void awaitJournalCaughtUp(String groupId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Boolean caughtUp = jdbc.queryForObject("""
                    SELECT coalesce((SELECT p.last_sequence = g.last_sequence FROM group_view g
                        JOIN ledger_check_position p ON p.group_id = g.group_id WHERE g.group_id = ?::uuid), false)""",
                    Boolean.class, groupId);
            if (Boolean.TRUE.equals(caughtUp)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ledger-check processor did not reach the last event of group " + groupId);
    }

    /**
     * Creates a login through the API as {@code admin} (groups and provinces as given, null for none) and checks it
     * was created.
     */
    protected void createUser(String username, String password, String role, List<String> groups,
                              List<String> provinces) {
        Map<String, Object> body = Api.body("username", username, "password", password, "role", role);
        if (groups != null) {
            body.put("groups", groups);
        }
        if (provinces != null) {
            body.put("provinces", provinces);
        }
        Api.Response created = api.post("/api/v1/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port);
    }

    /** Another service node on the same database, as a second machine would run it, with the settings given. */
    protected ConfigurableApplicationContext startAnotherNode(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "fundbook"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--fundbook.admin-password=" + ADMIN_PASSWORD,
                "--logging.level.org.axonframework=WARN"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(FundbookApplication.class).run(args.toArray(String[]::new));
    }

    /** Speaks to that node as {@code admin}. */
    protected static Api adminOf(ConfigurableApplicationContext node) {
        int nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
        return new Api("http://localhost:" + nodePort).as("admin", ADMIN_PASSWORD);
    }
}
