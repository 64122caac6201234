package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.micrometer.GlobalMetricRegistry;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service's Axon meters come from {@link AxonMetrics} and reach Prometheus as the dashboard reads them. */
class AxonMetricsHttpTest extends IntegrationTest {

    @Autowired
    GlobalMetricRegistry axonMetrics;

    @Test
    void writesAreMeasuredWithTheShortCapacityWindowAndScrapedUnderAxonsNames() {
        assertThat(axonMetrics).isInstanceOf(AxonMetrics.class);
        Ledger group = Ledger.register(api, "FSF", "2024-01-01", null);
        group.capital(1_000, "2024-01-02");

        String scraped = api.get("/actuator/prometheus").body();
        assertThat(scraped).containsPattern("(?m)^commandBus_capacity\\{.*} ")
                .containsPattern("(?m)^commandBus_ingestedCounter_total\\{.*} ")
                .containsPattern("(?m)^eventProcessor_latency\\{.*processorName=\"ledger-projections\".*} ")
                .containsPattern("(?m)^eventProcessor_capacity\\{.*processorName=\"ledger-projections\".*} ");
    }
}
