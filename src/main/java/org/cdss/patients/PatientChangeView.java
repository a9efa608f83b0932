package org.cdss.patients;

import java.time.Instant;
import java.util.List;

/** One entry of a patient's change history: who changed which fields, when. Never the values. */
public record PatientChangeView(Instant changedAt, String username, String action, List<String> fields) {}
