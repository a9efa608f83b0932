package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.orders.OrderStatus;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox: an order event committed by an instance that stops before delivering it is delivered by
 * the next start on the same database, and the doctor gets the notification exactly once.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class OutboxRestartIntegrationTests {

    @Test
    void an_event_committed_before_a_stop_is_delivered_once_after_the_restart() {
        deliveredOnceAfterRestart(db -> {});
    }

    /**
     * A stop while a failed delivery was being retried leaves the publication RESUBMITTED, a status Spring Modulith's
     * resubmission at start skips and its retry of failures does not read: without {@code OutstandingEventPublications}
     * marking it failed first, the notification would never be delivered.
     */
    @Test
    void an_event_whose_retry_a_stop_cut_short_is_delivered_once_after_the_restart() {
        deliveredOnceAfterRestart(db -> assertThat(db.sql("UPDATE EVENT_PUBLICATION SET status = 'RESUBMITTED',"
                                + " completion_attempts = 2, last_resubmission_date = publication_date"
                                + " WHERE completion_date IS NULL")
                        .update())
                .isPositive());
    }

    private void deliveredOnceAfterRestart(Consumer<JdbcClient> beforeTheStop) {
        List<Runnable> heldBack = new CopyOnWriteArrayList<>();
        // The first instance's async listeners never run: it "crashes" between the commit and the delivery.
        ConfigurableApplicationContext first = Instances.startOnFreshDatabase(
                List.of(),
                context -> context.getBeanFactory().registerSingleton("taskExecutor", (TaskExecutor) heldBack::add));
        ConfigurableApplicationContext second = null;
        try {
            UserView doctor = first.getBean(TestUsers.class).staff(Role.DOCTOR, OrderEvents.PULMONOLOGY);
            UUID order = UUID.randomUUID();
            new OrderEvents(first)
                    .commit(OrderEvents.changed(
                            order,
                            doctor.id(),
                            OrderEvents.LABORATORY,
                            OrderStatus.IN_PROGRESS,
                            OrderStatus.COMPLETED,
                            UUID.randomUUID()));

            JdbcClient db = first.getBean(JdbcClient.class);
            assertThat(heldBack).isNotEmpty();
            // the notifications module's publication (other modules, e.g. imaging, listen to order events too)
            assertThat(incomplete(db, "OrderStatusChanged", "org.cdss.notifications."))
                    .isEqualTo(1);
            assertThat(notifications(db, order)).isZero();
            beforeTheStop.accept(db);
            first.close();

            second = Instances.startOnSameDatabase(first, List.of());
            ApiClient api = new ApiClient(Instances.port(second));
            assertThat(api.login(doctor.username(), TestUsers.PASSWORD).status())
                    .isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> NotificationIntegrationTests.about(api, order).size() == 1);
            JdbcClient db2 = second.getBean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> incomplete(db2, "OrderStatusChanged") == 0);
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> notifications(db2, order) == 1);
            assertThat(NotificationIntegrationTests.about(api, order)
                            .getFirst()
                            .path("kind")
                            .asString())
                    .isEqualTo("ORDER_COMPLETED");
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    static long incomplete(JdbcClient db, String eventType) {
        return incomplete(db, eventType, "");
    }

    static long incomplete(JdbcClient db, String eventType, String listenerPrefix) {
        return db.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL AND event_type LIKE :t"
                        + " AND listener_id LIKE :l")
                .param("t", "%" + eventType)
                .param("l", listenerPrefix + "%")
                .query(Long.class)
                .single();
    }

    static long notifications(JdbcClient db, UUID order) {
        return db.sql("SELECT COUNT(*) FROM notification WHERE subject_id = :o")
                .param("o", order.toString())
                .query(Long.class)
                .single();
    }
}
