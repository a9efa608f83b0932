package org.cdss.patients;

/** How severe the recorded reaction was. */
public enum AllergySeverity {
    MILD,
    MODERATE,
    SEVERE
}
