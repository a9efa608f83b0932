package org.cdss.identity;

import java.util.UUID;

/**
 * The port through which identity asks whether a patient record exists (when an administrator links a portal
 * account to one). The patients module implements it, so that identity never depends on patients (ADR 0002, 0013).
 */
public interface PatientRecords {

    boolean exists(UUID patientId);
}
