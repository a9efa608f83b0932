package org.cdss.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names for the ids an audit record holds, so that the administrator's viewer shows people rather than UUIDs (issue
 * 15 item 6). The audit module depends on nobody: the modules that own users and patients implement these. Lookups
 * for the viewer are not audited themselves (the viewer's search is, once per page).
 */
public final class AuditNames {

    private AuditNames() {}

    /** Display names of staff accounts by user id (identity implements it). */
    public interface Users {
        Map<UUID, String> displayNames(Collection<UUID> userIds);
    }

    /** Name and MRN of patients by id (patients implements it). */
    public interface Patients {
        Map<UUID, PatientLabel> labels(Collection<UUID> patientIds);
    }

    /** How a patient is named in the viewer. */
    public record PatientLabel(String name, String mrn) {}
}
