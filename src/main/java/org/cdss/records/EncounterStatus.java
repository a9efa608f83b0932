package org.cdss.records;

/** Life cycle of an encounter: open while the visit goes on, finished, or voided as entered in error. */
public enum EncounterStatus {
    OPEN,
    FINISHED,
    ENTERED_IN_ERROR
}
