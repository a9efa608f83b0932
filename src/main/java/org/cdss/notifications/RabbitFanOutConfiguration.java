package org.cdss.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ fan-out of every browser push (stored notifications, appointment and order hints), only when {@code CDSS_AMQP_URL} is set (ADR 0011): each instance publishes
 * to one fanout exchange and consumes from its own exclusive, auto-delete queue bound to it, pushing what arrives to
 * its own connected browsers. Boot's Rabbit auto-configuration is excluded (application.yml), so nothing connects
 * without the URL. While the broker is down the relay's publications stay incomplete in the registry; a scheduled job
 * resubmits them, so pushes flow again when the broker returns.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${cdss.amqp.url:}'.isBlank()")
class RabbitFanOutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RabbitFanOutConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    CachingConnectionFactory notificationConnectionFactory(@Value("${cdss.amqp.url}") String url) {
        CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(url));
        factory.setConnectionTimeout(2_000);
        return factory;
    }

    @Bean
    RabbitAdmin notificationRabbitAdmin(CachingConnectionFactory factory) {
        return new RabbitAdmin(factory);
    }

    /** Not durable and auto-deleted with the last bound instance: it carries refetch hints, not the notifications. */
    @Bean
    FanoutExchange notificationExchange(@Value("${cdss.amqp.exchange:cdss.push}") String name) {
        return new FanoutExchange(name, false, true);
    }

    /**
     * This instance's queue: exclusive, auto-deleted, no arguments (Spring AMQP's AnonymousQueue adds a leader-locator
     * argument that older brokers refuse).
     */
    @Bean
    Queue notificationInstanceQueue(FanoutExchange notificationExchange) {
        return new Queue(notificationExchange.getName() + "." + UUID.randomUUID(), false, true, true);
    }

    @Bean
    Binding notificationBinding(Queue notificationInstanceQueue, FanoutExchange notificationExchange) {
        return BindingBuilder.bind(notificationInstanceQueue).to(notificationExchange);
    }

    @Bean
    RabbitTemplate notificationRabbitTemplate(CachingConnectionFactory factory) {
        return new RabbitTemplate(factory);
    }

    @Bean
    PushFanOut rabbitFanOut(RabbitTemplate notificationRabbitTemplate, FanoutExchange notificationExchange) {
        return pushes -> {
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            notificationRabbitTemplate.send(
                    notificationExchange.getName(),
                    "",
                    new Message(JSON.writeValueAsBytes(new Push.Batch(pushes)), properties));
        };
    }

    @Bean
    SimpleMessageListenerContainer notificationListenerContainer(
            CachingConnectionFactory factory,
            RabbitAdmin notificationRabbitAdmin,
            Queue notificationInstanceQueue,
            LocalPush local) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(factory);
        container.setQueues(notificationInstanceQueue);
        container.setAmqpAdmin(notificationRabbitAdmin);
        container.setMissingQueuesFatal(false);
        container.setRecoveryInterval(2_000);
        container.setMessageListener(message -> {
            try {
                local.deliver(
                        JSON.readValue(message.getBody(), Push.Batch.class).pushes());
            } catch (RuntimeException e) {
                log.warn("dropped an unreadable push message: {}", e.getClass().getSimpleName());
            }
        });
        return container;
    }

    @Bean
    PushResubmission notificationPushResubmission(
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${cdss.amqp.resubmit-after:5s}") Duration after) {
        return new PushResubmission(incomplete, clock, after);
    }

    /** Resubmits pushes that could not reach the broker, once they are older than {@code after}. */
    static class PushResubmission {

        private final IncompleteEventPublications incomplete;
        private final Clock clock;
        private final Duration after;

        PushResubmission(IncompleteEventPublications incomplete, Clock clock, Duration after) {
            this.incomplete = incomplete;
            this.clock = clock;
            this.after = after;
        }

        @Scheduled(fixedDelayString = "${cdss.amqp.resubmit-interval:5s}")
        void resubmit() {
            incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof NotificationsRecorded
                    && p.getPublicationDate().isBefore(clock.instant().minus(after)));
        }
    }
}
