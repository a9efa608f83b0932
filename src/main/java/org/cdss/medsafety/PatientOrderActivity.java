package org.cdss.medsafety;

import java.util.UUID;

/**
 * What the patient-view CDS Hooks service ({@link CdsPatientView}) needs to know about a patient's orders. The
 * orders module implements it: orders depends on medsafety, so medsafety never calls orders, it only asks this
 * interface (absent when no module implements it: the card then says nothing about orders).
 */
public interface PatientOrderActivity {

    /** The patient's open orders as the card counts them. */
    Activity activity(UUID patientId);

    /**
     * {@code safetyOverrides}: medication-safety alerts overridden on the patient's open (not completed or cancelled)
     * orders; {@code overdueOrders}: orders sent and past their due time; {@code pendingResults}: lab, imaging and
     * tissue orders sent or in progress (their result not yet recorded).
     */
    record Activity(int safetyOverrides, int overdueOrders, int pendingResults) {}
}
