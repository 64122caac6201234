package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A node that has handled no command yet already shows Axon's and the service's meters, at zero. */
class FreshNodeMetersHttpTest extends IntegrationTest {

    @Test
    void aFreshNodeScrapesAxonsAndTheServicesMetersBeforeItsFirstWrite() {
        ConfigurableApplicationContext node = startAnotherNode();
        try {
            int nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
            Api.Response response = new Api("http://localhost:" + nodePort).get("/actuator/prometheus");
            assertThat(response.status()).isEqualTo(200);
            String scraped = response.body();
            assertThat(scraped)
                    .containsPattern("(?m)^commandBus_ingestedCounter_total\\{.*payloadType=\"none\".*} 0\\.0$")
                    .containsPattern("(?m)^commandBus_failureCounter_total\\{.*} ")
                    .containsPattern("(?m)^commandBus_capacity\\{.*payloadType=\"none\".*} 0\\.0$")
                    .containsPattern("(?m)^eventProcessor_capacity\\{.*processorName=\"ledger-check\".*} ")
                    .containsPattern("(?m)^commandBus_allTimer_seconds_count\\{.*} ")
                    .containsPattern("(?m)^eventProcessor_ingestedCounter_total\\{.*processorName=\"ledger-projections\".*} ")
                    .containsPattern("(?m)^eventProcessor_ingestedCounter_total\\{.*processorName=\"ledger-check\".*} ")
                    .containsPattern("(?m)^eventProcessor_failureCounter_total\\{.*} ")
                    .containsPattern("(?m)^eventProcessor_allTimer_seconds_sum\\{.*} ")
                    .containsPattern("(?m)^fundbook_group_cache_events\\{.*} ")
                    .containsPattern("(?m)^fundbook_group_cache_size\\{.*} ")
                    .containsPattern("(?m)^fundbook_group_cache_gets_total\\{.*} ")
                    .containsPattern("(?m)^fundbook_ledger_mismatch\\{.*} ");
        } finally {
            node.close();
        }
    }
}
