package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The {@link Order} aggregate guards its own life cycle and registers the events of every move (published by Spring
 * Data when it is saved); a refused move changes nothing and registers nothing.
 */
class OrderAggregateTests {

    static final UUID DOCTOR = UUID.randomUUID();
    static final UUID LAB_TECH = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void a_new_order_and_each_move_register_their_status_change() {
        Order order = labOrder();
        order.send(DOCTOR, NOW);
        order.start(LAB_TECH, NOW);
        order.complete(LAB_TECH, NOW);
        order.resultRecorded(true, true, LAB_TECH, NOW);

        List<Object> events = events(order);
        assertThat(events).hasSize(5);
        List<String> moves = events.stream()
                .filter(OrderStatusChanged.class::isInstance)
                .map(OrderStatusChanged.class::cast)
                .map(e -> e.from() + ">" + e.to() + " by " + (e.actorId().equals(DOCTOR) ? "doctor" : "lab"))
                .toList();
        assertThat(moves)
                .containsExactly(
                        "null>PENDING by doctor",
                        "PENDING>SENT by doctor",
                        "SENT>IN_PROGRESS by lab",
                        "IN_PROGRESS>COMPLETED by lab");
        OrderResultRecorded result = (OrderResultRecorded) events.getLast();
        assertThat(result.critical()).isTrue();
        assertThat(result.orderId()).isEqualTo(order.id());
    }

    @Test
    void a_move_the_life_cycle_does_not_allow_is_refused_with_its_code_and_registers_nothing() {
        Order order = labOrder();
        int before = events(order).size();

        assertThatThrownBy(() -> order.complete(LAB_TECH, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("order.invalid-transition"));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(events(order)).hasSize(before);

        order.send(DOCTOR, NOW);
        assertThatThrownBy(order::requireSendable)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("order.invalid-transition"));
        assertThatThrownBy(order::requirePending)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("order.not-editable"));
        OrderRequests.OrderForm otherPatient = form(UUID.randomUUID());
        assertThatThrownBy(() -> order.requireSamePatientAndType(otherPatient))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("order.patient-or-type-changed"));
    }

    private static Order labOrder() {
        return new Order("O-20261204-000001", form(UUID.randomUUID()), null, UUID.randomUUID(), DOCTOR, NOW);
    }

    private static OrderRequests.OrderForm form(UUID patient) {
        return new OrderRequests.OrderForm(
                patient,
                OrderType.LAB_TEST,
                OrderPriority.ROUTINE,
                null,
                null,
                null,
                new OrderDetails.LabTest("CBC", null),
                null,
                null,
                null);
    }

    private static List<Object> events(Order order) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(order, "domainEvents");
        return new ArrayList<>(events);
    }
}
