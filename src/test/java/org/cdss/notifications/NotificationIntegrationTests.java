package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdss.notifications.OrderEvents.LABORATORY;
import static org.cdss.notifications.OrderEvents.PULMONOLOGY;
import static org.cdss.notifications.OrderEvents.SURGERY;
import static org.cdss.notifications.OrderEvents.changed;
import static org.cdss.notifications.OrderEvents.result;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.orders.OrderStatus;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Order events become persistent notifications for the right people, with per-user read state and a live push. */
@IntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApplicationContext context;

    OrderEvents orders;

    @BeforeEach
    void setUp() {
        orders = new OrderEvents(context);
    }

    ApiClient login(UserView user) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(user.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    static List<JsonNode> about(ApiClient api, UUID orderId) {
        var response = api.get("/api/notifications?size=100");
        assertThat(response.status()).isEqualTo(200);
        return response.json()
                .path("content")
                .valueStream()
                .filter(n -> n.path("subjectId").asString().equals(orderId.toString()))
                .toList();
    }

    @Test
    void a_sent_order_reaches_every_member_of_the_target_department_and_each_reads_it_for_themselves() {
        UserView doctor = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient labTech1 = login(testUsers.staff(Role.LAB_TECH, LABORATORY));
        ApiClient labTech2 = login(testUsers.staff(Role.LAB_TECH, LABORATORY));
        ApiClient surgeryNurse = login(testUsers.staff(Role.NURSE, SURGERY));
        UUID order = UUID.randomUUID();

        orders.commit(changed(order, doctor.id(), LABORATORY, OrderStatus.PENDING, OrderStatus.SENT, doctor.id()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> about(labTech1, order).size() == 1);
        JsonNode sent = about(labTech1, order).getFirst();
        assertThat(sent.path("kind").asString()).isEqualTo("ORDER_SENT");
        assertThat(sent.path("subjectNumber").asString()).isEqualTo(OrderEvents.number(order));
        assertThat(sent.path("departmentId").asString()).isEqualTo(LABORATORY.toString());
        assertThat(sent.path("params").path("orderType").asString()).isEqualTo("LAB_TEST");
        assertThat(sent.path("readAt").isNull()).isTrue();
        assertThat(about(labTech2, order)).hasSize(1);
        assertThat(about(surgeryNurse, order)).isEmpty();
        long before2 = labTech2.get("/api/notifications/unread-count")
                .json()
                .path("unreadCount")
                .asLong();

        var read = labTech1.post("/api/notifications/" + sent.path("id").asString() + "/read", Map.of());

        assertThat(read.status()).isEqualTo(204);
        assertThat(about(labTech1, order).getFirst().path("readAt").isNull()).isFalse();
        assertThat(about(labTech2, order).getFirst().path("readAt").isNull()).isTrue(); // read state is per user
        assertThat(labTech2.get("/api/notifications/unread-count")
                        .json()
                        .path("unreadCount")
                        .asLong())
                .isEqualTo(before2);
        assertThat(labTech1.post("/api/notifications/" + sent.path("id").asString() + "/read", Map.of())
                        .status())
                .isEqualTo(204); // idempotent
    }

    @Test
    void completion_and_a_critical_result_reach_the_ordering_doctor_the_critical_one_urgent() {
        UserView doctorUser = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient doctor = login(doctorUser);
        ApiClient colleague = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY));
        UUID order = UUID.randomUUID();
        UUID labTech = UUID.randomUUID();

        orders.commit(
                changed(order, doctorUser.id(), LABORATORY, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED, labTech));
        orders.commit(result(order, doctorUser.id(), true));

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> about(doctor, order).size() == 2);
        List<JsonNode> mine = about(doctor, order);
        assertThat(mine)
                .extracting(n -> n.path("kind").asString())
                .containsExactlyInAnyOrder("ORDER_COMPLETED", "CRITICAL_RESULT");
        assertThat(mine)
                .filteredOn(n -> n.path("kind").asString().equals("CRITICAL_RESULT"))
                .allMatch(n -> n.path("urgent").asBoolean());
        assertThat(mine)
                .filteredOn(n -> n.path("kind").asString().equals("ORDER_COMPLETED"))
                .noneMatch(n -> n.path("urgent").asBoolean());
        assertThat(about(colleague, order)).isEmpty();
        var page = doctor.get("/api/notifications?unreadOnly=true").json();
        assertThat(page.path("unreadCount").asLong()).isEqualTo(2);
        assertThat(page.path("content")).hasSize(2);

        var all = doctor.post("/api/notifications/read-all", Map.of());

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("marked").asInt()).isEqualTo(2);
        assertThat(doctor.get("/api/notifications?unreadOnly=true").json().path("content"))
                .isEmpty();
        assertThat(doctor.get("/api/notifications/unread-count")
                        .json()
                        .path("unreadCount")
                        .asLong())
                .isZero();
        assertThat(about(doctor, order)).hasSize(2); // read, not gone
    }

    @Test
    void the_same_event_delivered_twice_stores_one_notification() {
        UserView doctorUser = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient doctor = login(doctorUser);
        UUID order = UUID.randomUUID();
        var completed = changed(
                order, doctorUser.id(), LABORATORY, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED, UUID.randomUUID());

        orders.commit(completed);
        orders.commit(completed);
        orders.commit(completed);

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> about(doctor, order).size() == 1);
        Awaitility.await()
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> about(doctor, order).size() == 1);
    }

    @Test
    void another_users_notification_is_not_found_and_patients_have_no_inbox() {
        UserView doctorUser = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient doctor = login(doctorUser);
        ApiClient other = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY));
        UUID order = UUID.randomUUID();
        orders.commit(changed(
                order, doctorUser.id(), LABORATORY, OrderStatus.IN_PROGRESS, OrderStatus.CANCELLED, UUID.randomUUID()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> about(doctor, order).size() == 1);
        String id = about(doctor, order).getFirst().path("id").asString();

        var foreign = other.post("/api/notifications/" + id + "/read", Map.of());
        var unknown = doctor.post("/api/notifications/" + UUID.randomUUID() + "/read", Map.of());
        ApiClient patient = login(testUsers.patientAccount(testUsers.patient("알림")));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.text("code")).isEqualTo("notification.not-found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("notification.not-found");
        assertThat(about(doctor, order).getFirst().path("readAt").isNull()).isTrue();
        assertThat(patient.get("/api/notifications").status()).isEqualTo(403);
        assertThat(doctor.get("/api/notifications?size=1000").status()).isEqualTo(400);
    }

    @Test
    void a_connected_doctor_is_pushed_the_completion_within_a_second_of_the_commit() {
        UserView doctorUser = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        ApiClient doctor = login(doctorUser);
        ApiClient colleague = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY));
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> colleagueLines = new CopyOnWriteArrayList<>();
        var stream = doctor.stream("/api/notifications/stream");
        var colleagueStream = colleague.stream("/api/notifications/stream");
        Thread.ofVirtual().start(() -> collect(stream, lines));
        Thread.ofVirtual().start(() -> collect(colleagueStream, colleagueLines));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> lines.contains("event:ready") && colleagueLines.contains("event:ready"));
        UUID order = UUID.randomUUID();

        orders.commit(changed(
                order, doctorUser.id(), LABORATORY, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED, UUID.randomUUID()));

        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> lines.contains("event:notification"));
        String id = about(doctor, order).getFirst().path("id").asString();
        assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains(id) && l.contains("ORDER_COMPLETED"));
        assertThat(String.join("\n", lines)).doesNotContain(OrderEvents.number(order)); // a hint, no content
        assertThat(colleagueLines).doesNotContain("event:notification");
        stream.close();
        colleagueStream.close();
    }

    static void collect(java.util.stream.Stream<String> stream, List<String> into) {
        try {
            stream.forEach(into::add);
        } catch (java.io.UncheckedIOException closedByTheTest) {
            // the test closed the stream
        }
    }
}
