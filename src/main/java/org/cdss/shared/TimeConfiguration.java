package org.cdss.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is stored as UTC instants and shown in the hospital's zone ({@code cdss.zone}, default Asia/Seoul). */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HospitalZone hospitalZone(@Value("${cdss.zone:Asia/Seoul}") String zone) {
        return new HospitalZone(ZoneId.of(zone));
    }
}
