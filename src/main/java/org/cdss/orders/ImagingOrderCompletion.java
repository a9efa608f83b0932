package org.cdss.orders;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one order command another module may call: the radiology module completes an acquired imaging order when its
 * report is signed, inside its own transaction (ADR 0029). The caller must be a radiologist of the order's target
 * department (checked here as for any completion); the order's life cycle, version, transition row, audit row and
 * events are the orders module's own, as for {@code POST /api/ocs/orders/{id}/complete}.
 */
@Service
public class ImagingOrderCompletion {

    private final OrderTransitions transitions;

    ImagingOrderCompletion(OrderTransitions transitions) {
        this.transitions = transitions;
    }

    /**
     * Completes the order with {@code resultText} (shown on the order as its result); {@code critical} makes the
     * result critical (the ordering doctor's notification is urgent).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderDetailView complete(UUID orderId, String resultText, boolean critical) {
        return transitions.completeImagingWithReport(orderId, resultText, critical);
    }
}
