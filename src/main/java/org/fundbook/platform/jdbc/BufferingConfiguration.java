package org.fundbook.platform.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The service's data source (the bean {@value #DATA_SOURCE}, embedded or configured) hands out buffering
 * connections, and only it: the transaction manager, the JDBC template and Axon all take the write's connection
 * from it, so no part can read past a buffered write (decision 0007). Any other data source is left as it is. The
 * start fails if the transaction manager or the JDBC template use another one: their statements would bypass the
 * buffer of the transaction they run in.
 */
@Configuration(proxyBeanMethods = false)
public class BufferingConfiguration {

    /** The name Spring Boot, and the embedded PostgreSQL's configuration, give the service's data source. */
    static final String DATA_SOURCE = "dataSource";

    @Bean
    static BeanPostProcessor bufferingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (DATA_SOURCE.equals(name) && bean instanceof DataSource dataSource
                        && !(bean instanceof BufferingDataSource)) {
                    return new BufferingDataSource(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    SmartInitializingSingleton writesShareTheBufferingDataSource(ObjectProvider<DataSourceTransactionManager> managers,
                                                                 ObjectProvider<JdbcTemplate> templates) {
        return () -> {
            managers.forEach(manager -> requireBuffering(manager.getDataSource(), "the transaction manager"));
            templates.forEach(template -> requireBuffering(template.getDataSource(), "the JDBC template"));
        };
    }

    private static void requireBuffering(DataSource dataSource, String user) {
        if (!(dataSource instanceof BufferingDataSource)) {
            throw new IllegalStateException(user + " does not use the buffering data source '" + DATA_SOURCE
                    + "' but " + dataSource + ": its statements would not see the writes held back in its "
                    + "transaction (docs/decisions/0007-buffering-on-every-connection.md)");
        }
    }
}
