package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.orders.OrderStatus;
import org.cdss.shared.security.Role;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's retry of failed deliveries (ADR 0011): a listener that fails after the commit — here because the
 * notification table is out of reach, as in a database hiccup — leaves its publication failed, and the scheduled
 * retry delivers it once the table is back: the doctor is told once, late rather than never; meanwhile the log says at
 * WARN which listener keeps failing.
 */
@Tag("db")
@ExtendWith({DatabaseAvailable.class, OutputCaptureExtension.class})
class FailedDeliveryRetryIntegrationTests {

    @Test
    void a_failed_delivery_is_retried_until_it_succeeds_and_stores_the_notification_once(CapturedOutput output) {
        ConfigurableApplicationContext app = Instances.startOnFreshDatabase(
                List.of("--cdss.events.retry-interval=500ms", "--cdss.events.retry-after=0s"));
        try {
            UserView doctor = app.getBean(TestUsers.class).staff(Role.DOCTOR, OrderEvents.PULMONOLOGY);
            JdbcClient db = app.getBean(JdbcClient.class);
            UUID order = UUID.randomUUID();

            db.sql("ALTER TABLE notification RENAME TO notification_offline").update();
            try {
                new OrderEvents(app)
                        .commit(OrderEvents.changed(
                                order,
                                doctor.id(),
                                OrderEvents.LABORATORY,
                                OrderStatus.IN_PROGRESS,
                                OrderStatus.COMPLETED,
                                UUID.randomUUID()));
                // delivered and failed, then resubmitted by the retry job and failed again while the table is away
                Awaitility.await()
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> failedAttempts(db, "OrderStatusChanged") >= 2);
                assertThat(OutboxRestartIntegrationTests.incomplete(
                                db, "OrderStatusChanged", "org.cdss.notifications."))
                        .isEqualTo(1);
                assertThat(output.getOut())
                        .contains("WARN")
                        .contains("Retrying failed event deliveries: org.cdss.notifications.OrderNotifications.on(");
            } finally {
                db.sql("ALTER TABLE notification_offline RENAME TO notification")
                        .update();
            }

            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> OutboxRestartIntegrationTests.incomplete(db, "OrderStatusChanged") == 0);
            // exactly once, and it stays once while the retry job keeps running
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> OutboxRestartIntegrationTests.notifications(db, order) == 1);
            assertThat(db.sql("SELECT kind FROM notification WHERE subject_id = :o")
                            .param("o", order.toString())
                            .query(String.class)
                            .single())
                    .isEqualTo("ORDER_COMPLETED");
        } finally {
            app.close();
        }
    }

    /**
     * Delivery attempts of the event's publications that have failed so far, counting only publications whose last
     * attempt is over and failed (the first delivery counts as one; a resubmission adds one when it is claimed).
     */
    private static int failedAttempts(JdbcClient db, String eventType) {
        return db.sql("SELECT COALESCE(MAX(completion_attempts), 0) FROM EVENT_PUBLICATION WHERE event_type LIKE :t"
                        + " AND status = 'FAILED'")
                .param("t", "%" + eventType)
                .query(Integer.class)
                .single();
    }
}
