package org.cdss.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Heartbeats of the push channel run on Spring's scheduler. Without {@code CDSS_AMQP_URL} notifications are pushed to
 * this instance's browsers directly; with it, {@link RabbitFanOutConfiguration} takes over.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationsConfiguration {

    @Bean
    @ConditionalOnExpression("'${cdss.amqp.url:}'.isBlank()")
    PushFanOut directFanOut(LocalPush local) {
        return local::deliver;
    }
}
