package org.fundbook.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Today" for value-date rules is the server's date in the configured zone (Asia/Phnom_Penh by default). */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(@Value("${fundbook.time-zone:Asia/Phnom_Penh}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
