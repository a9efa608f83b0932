package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;
import org.cdss.orders.OrderPriority;

/**
 * One acquired imaging study awaiting its report on the radiologists' worklist: the order (number, procedure,
 * clinical indication, priority, ordering doctor), the patient's name and MRN, when it was acquired and how long it
 * has waited, and the report so far ({@code reportStatus} null: not started; DRAFT: a draft exists).
 */
public record WorklistItemView(
        UUID orderId,
        String orderNumber,
        UUID patientId,
        String patientName,
        String patientMrn,
        String procedure,
        String modality,
        String indication,
        OrderPriority priority,
        String orderedByName,
        Instant acquiredAt,
        long waitingMinutes,
        boolean overdue,
        UUID reportId,
        ReportStatus reportStatus,
        boolean critical) {

    @Override
    public String toString() {
        return "WorklistItemView[" + orderId + "]";
    }
}
