package org.fundbook.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The buffering sits on the service's one data source, which every part of a write shares: the template, the
 * transaction manager and Axon's event store all get the transaction's buffering connection, so whatever reads
 * in a write's transaction sees what it held back. Nothing else is wrapped.
 */
class BufferingConfigurationTest extends IntegrationTest {

    @Autowired
    BufferedWrites writes;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConnectionProvider axonConnections;

    @Autowired
    DataSource dataSource;

    @Test
    void axonsEventStoreReadsInTheWritesTransactionSeeWhatIsHeldBack() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS buffering_shared (id INT PRIMARY KEY)");
        jdbc.execute("TRUNCATE buffering_shared");

        Integer seen = transactions.execute(status -> {
            writes.update("INSERT INTO buffering_shared (id) VALUES (?)", 1);
            // as Axon reads a stream (to load a group, or to snapshot it) in the write's transaction
            try {
                Connection connection = axonConnections.getConnection();
                try (PreparedStatement read = connection.prepareStatement("SELECT count(*) FROM buffering_shared");
                     ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                } finally {
                    connection.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seen).isEqualTo(1);
    }

    @Test
    void theServiceDataSourceAndOnlyItHandsOutBufferingConnections() {
        assertThat(dataSource).isInstanceOf(BufferingDataSource.class);
        BeanPostProcessor wrapping = BufferingConfiguration.bufferingDataSource();
        DataSource other = new DriverManagerDataSource();

        assertThat(wrapping.postProcessAfterInitialization(other, "reportingDataSource")).isSameAs(other);
        assertThat(wrapping.postProcessAfterInitialization(other, "dataSource")).isInstanceOf(BufferingDataSource.class);
        BufferingDataSource buffering = new BufferingDataSource(other);
        assertThat(wrapping.postProcessAfterInitialization(buffering, "dataSource")).isSameAs(buffering);
    }

    @Test
    void aTemplateOrTransactionManagerOnAnotherDataSourceStopsTheStart() {
        BufferingConfiguration configuration = new BufferingConfiguration();
        DataSource buffering = new BufferingDataSource(new DriverManagerDataSource());
        DataSource plain = new DriverManagerDataSource();

        assertThatThrownBy(() -> check(configuration, new DataSourceTransactionManager(buffering),
                new JdbcTemplate(plain))).isInstanceOf(IllegalStateException.class).hasMessageContaining("JDBC template");
        assertThatThrownBy(() -> check(configuration, new DataSourceTransactionManager(plain),
                new JdbcTemplate(buffering))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction manager");
        check(configuration, new DataSourceTransactionManager(buffering), new JdbcTemplate(buffering));
    }

    private static void check(BufferingConfiguration configuration, DataSourceTransactionManager manager,
                              JdbcTemplate template) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("manager", manager, "jdbc", template));
        SmartInitializingSingleton check = configuration.writesShareTheBufferingDataSource(
                beans.getBeanProvider(DataSourceTransactionManager.class), beans.getBeanProvider(JdbcTemplate.class));
        check.afterSingletonsInstantiated();
    }
}
