package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.orders.OrderStatus;
import org.cdss.scheduling.AppointmentChanged;
import org.cdss.scheduling.AppointmentStatus;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code CDSS_AMQP_URL} set, pushes go through RabbitMQ: an order event committed on instance A reaches a browser
 * connected to instance B; while the broker is unreachable, notifications are still stored and listed, and the pushes
 * wait in the outbox until it answers again. Each run uses its own exchange: others test on the same broker.
 */
@Tag("db")
@ExtendWith({DatabaseAvailable.class, RabbitAvailable.class})
class RabbitFanOutIntegrationTests {

    static List<String> broker(String url, String exchange) {
        return List.of(
                "--cdss.amqp.url=" + url,
                "--cdss.amqp.exchange=" + exchange,
                "--cdss.amqp.resubmit-after=1s",
                "--cdss.amqp.resubmit-interval=1s");
    }

    static String exchange() {
        return "cdss.push.test." + UUID.randomUUID();
    }

    @Test
    void an_order_event_committed_on_instance_a_reaches_a_browser_connected_to_instance_b() {
        String exchange = exchange();
        ConfigurableApplicationContext a = Instances.startOnFreshDatabase(broker(RabbitAvailable.URL, exchange));
        ConfigurableApplicationContext b = null;
        try {
            b = Instances.startOnSameDatabase(a, broker(RabbitAvailable.URL, exchange));
            UserView doctor = a.getBean(TestUsers.class).staff(Role.DOCTOR, OrderEvents.PULMONOLOGY);
            ApiClient onB = new ApiClient(Instances.port(b));
            assertThat(onB.login(doctor.username(), TestUsers.PASSWORD).status())
                    .isEqualTo(200);
            List<String> lines = new CopyOnWriteArrayList<>();
            var stream = onB.stream("/api/notifications/stream");
            Thread.ofVirtual().start(() -> NotificationIntegrationTests.collect(stream, lines));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
            UUID order = UUID.randomUUID();

            new OrderEvents(a)
                    .commit(OrderEvents.changed(
                            order,
                            doctor.id(),
                            OrderEvents.LABORATORY,
                            OrderStatus.IN_PROGRESS,
                            OrderStatus.COMPLETED,
                            UUID.randomUUID()));

            Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> lines.contains("event:notification"));
            String id = NotificationIntegrationTests.about(onB, order)
                    .getFirst()
                    .path("id")
                    .asString();
            assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains(id));
            stream.close();
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    /**
     * One push path: the appointment hint (appointment lists, the dashboard's counts) and the order hint (worklists)
     * go through the broker like notifications, so a tab on instance B hears of a change committed on instance A. The
     * payloads carry ids and states only.
     */
    @Test
    void an_appointment_change_and_a_worklist_change_on_instance_a_reach_browsers_connected_to_instance_b() {
        String exchange = exchange();
        ConfigurableApplicationContext a = Instances.startOnFreshDatabase(broker(RabbitAvailable.URL, exchange));
        ConfigurableApplicationContext b = null;
        try {
            b = Instances.startOnSameDatabase(a, broker(RabbitAvailable.URL, exchange));
            TestUsers users = a.getBean(TestUsers.class);
            UserView doctor = users.staff(Role.DOCTOR, OrderEvents.PULMONOLOGY);
            UserView labTech = users.staff(Role.LAB_TECH, OrderEvents.LABORATORY);
            List<String> doctorsTab = connect(b, doctor);
            List<String> labWorklist = connect(b, labTech);
            UUID appointment = UUID.randomUUID();
            UUID order = UUID.randomUUID();
            OrderEvents onA = new OrderEvents(a);

            onA.commit(new AppointmentChanged(
                    appointment, OrderEvents.PULMONOLOGY, doctor.id(), AppointmentStatus.CHECKED_IN));
            onA.commit(OrderEvents.changed(
                    order, doctor.id(), OrderEvents.LABORATORY, OrderStatus.PENDING, OrderStatus.SENT, doctor.id()));

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> doctorsTab.contains("event:appointment"));
            assertThat(data(doctorsTab, "appointment"))
                    .isEqualTo(Map.of(
                            "appointmentId",
                            appointment.toString(),
                            "departmentId",
                            OrderEvents.PULMONOLOGY.toString(),
                            "status",
                            "CHECKED_IN"));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> labWorklist.contains("event:order"));
            assertThat(data(labWorklist, "order"))
                    .isEqualTo(Map.of(
                            "orderId",
                            order.toString(),
                            "type",
                            "LAB_TEST",
                            "status",
                            "SENT",
                            "priority",
                            "ROUTINE",
                            "departmentId",
                            OrderEvents.LABORATORY.toString()));
            assertThat(labWorklist).doesNotContain("event:appointment");
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    private static List<String> connect(ConfigurableApplicationContext instance, UserView user) {
        ApiClient api = new ApiClient(Instances.port(instance));
        assertThat(api.login(user.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        var stream = api.stream("/api/notifications/stream");
        Thread.ofVirtual().start(() -> NotificationIntegrationTests.collect(stream, lines));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
        return lines;
    }

    /** The JSON payload of the first event of that name, as strings. */
    private static Map<String, String> data(List<String> lines, String event) {
        int at = lines.indexOf("event:" + event);
        String data = lines.subList(at, lines.size()).stream()
                .filter(l -> l.startsWith("data:"))
                .findFirst()
                .orElseThrow()
                .substring("data:".length());
        Map<String, String> fields = new java.util.TreeMap<>();
        JsonMapper.builder()
                .build()
                .readTree(data)
                .properties()
                .forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return fields;
    }

    @Test
    void with_the_broker_down_notifications_are_stored_and_their_pushes_flow_when_it_returns() {
        String exchange = exchange();
        // Port 1 on loopback: nothing listens there, every connection is refused.
        ConfigurableApplicationContext app =
                Instances.startOnFreshDatabase(broker("amqp://guest:guest@127.0.0.1:1", exchange));
        try {
            UserView doctor = app.getBean(TestUsers.class).staff(Role.DOCTOR, OrderEvents.PULMONOLOGY);
            ApiClient api = new ApiClient(Instances.port(app));
            assertThat(api.login(doctor.username(), TestUsers.PASSWORD).status())
                    .isEqualTo(200);
            List<String> lines = new CopyOnWriteArrayList<>();
            var stream = api.stream("/api/notifications/stream");
            Thread.ofVirtual().start(() -> NotificationIntegrationTests.collect(stream, lines));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
            UUID order = UUID.randomUUID();

            new OrderEvents(app)
                    .commit(OrderEvents.changed(
                            order,
                            doctor.id(),
                            OrderEvents.LABORATORY,
                            OrderStatus.IN_PROGRESS,
                            OrderStatus.COMPLETED,
                            UUID.randomUUID()));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> NotificationIntegrationTests.about(api, order).size() == 1);
            JdbcClient db = app.getBean(JdbcClient.class);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> OutboxRestartIntegrationTests.incomplete(db, "OrderStatusChanged") == 0);
            assertThat(OutboxRestartIntegrationTests.incomplete(db, "NotificationsRecorded"))
                    .isEqualTo(1);
            assertThat(lines).doesNotContain("event:notification");

            // The broker "returns": point the connection at the real one; the resubmission job delivers the push.
            CachingConnectionFactory factory = app.getBean(CachingConnectionFactory.class);
            factory.setUri(RabbitAvailable.URL);
            factory.resetConnection();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> lines.contains("event:notification"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> OutboxRestartIntegrationTests.incomplete(db, "NotificationsRecorded") == 0);
            stream.close();
        } finally {
            app.close();
        }
    }
}
