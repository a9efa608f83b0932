package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;
import org.cdss.orders.OrderPriority;
import org.cdss.orders.OrderStatus;

/**
 * What the reading screen needs of one imaging order: the order's facts (procedure, clinical indication, priority,
 * status and its version — for radiology's discontinue, ordering doctor, acquisition time) and its report so far (null before the first draft is saved).
 */
public record ReadingView(
        UUID orderId,
        String orderNumber,
        UUID patientId,
        String procedure,
        String modality,
        String bodyPart,
        boolean breastImaging,
        String indication,
        OrderPriority priority,
        OrderStatus orderStatus,
        long orderVersion,
        String orderedByName,
        Instant acquiredAt,
        ReportView report) {}
