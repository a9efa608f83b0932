package org.cdss.audit;

/** How an audited attempt ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
