package org.fundbook.audit.check;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerCheckConfiguration {

    /**
     * A failure to store the journal totals (the database went away) is retried rather than logged and skipped:
     * a skipped event would leave the totals short for good and raise a false alarm.
     */
    @Bean
    ConfigurerModule ledgerCheckErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(JournalBalancesProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
