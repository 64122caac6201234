package org.fundbook.platform.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every data source of the service, embedded or configured, is wrapped once, so that the transaction manager,
 * the JDBC template and Axon all share buffering connections: no part can read past a buffered write.
 */
@Configuration(proxyBeanMethods = false)
public class BufferingConfiguration {

    @Bean
    static BeanPostProcessor bufferingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof BufferingDataSource)) {
                    return new BufferingDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
