package org.fundbook.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server from the Maven-shipped zonky binaries when no
 * {@code spring.datasource.url} is configured. Meant for one machine and trials;
 * production points {@code SPRING_DATASOURCE_URL} at its own server.
 *
 * <p>The server is a bean that the data source depends on, so Spring closes it
 * last: Axon's processors and the connection pool finish before PostgreSQL stops.
 * zonky's own JVM shutdown hook is therefore switched off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "fundbook";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${fundbook.data-dir:./data}") String dataDir,
                                      @Value("${fundbook.embedded.ephemeral:false}") boolean ephemeral,
                                      @Value("${fundbook.embedded.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // zonky turns synchronous_commit off for tests' sake; an answered write must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (ephemeral) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = Path.of(dataDir, "postgres").toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL started on port {} ({})", postgres.getPort(),
                ephemeral ? "throw-away data directory" : "data in " + Path.of(dataDir).toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IOException("cannot create the " + DATABASE + " database", e);
        }
    }
}
