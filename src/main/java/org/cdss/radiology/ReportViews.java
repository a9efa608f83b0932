package org.cdss.radiology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.StaffMember;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.stereotype.Component;

/** Turns stored reports into {@link ReportView}s (names, patient header, addenda) and applies the read rule. */
@Component
class ReportViews {

    private final ReportStore store;
    private final PatientDirectory patients;
    private final IdentityQueries identity;

    ReportViews(ReportStore store, PatientDirectory patients, IdentityQueries identity) {
        this.store = store;
        this.patients = patients;
        this.identity = identity;
    }

    /** Staff names and departments looked up once per request. */
    final class Staff {
        private final Map<UUID, java.util.Optional<StaffMember>> cache = new HashMap<>();

        private java.util.Optional<StaffMember> member(UUID id) {
            return cache.computeIfAbsent(id, identity::staffMember);
        }

        String name(UUID id) {
            return id == null ? null : member(id).map(StaffMember::displayName).orElse(null);
        }

        Set<UUID> departments(UUID id) {
            return member(id).map(StaffMember::departmentIds).orElse(Set.of());
        }
    }

    Staff staff() {
        return new Staff();
    }

    boolean canRead(CdssPrincipal user, ReportRow row, Staff staff) {
        return ReportAccess.canRead(user, row, staff::departments);
    }

    ReportView view(ReportRow r, Staff staff) {
        return views(List.of(r), staff).getFirst();
    }

    List<ReportView> views(List<ReportRow> rows, Staff staff) {
        Map<UUID, PatientSummaryView> headers = patients.summaries(
                rows.stream().map(ReportRow::patientId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream()
                .map(r -> {
                    PatientSummaryView p = headers.get(r.patientId());
                    List<AddendumView> addenda = r.signed() ? store.addenda(r.id()) : List.of();
                    return new ReportView(
                            r.id(),
                            r.orderId(),
                            r.orderNumber(),
                            r.patientId(),
                            p == null ? null : p.name(),
                            p == null ? null : p.mrn(),
                            r.status(),
                            r.status().fhirStatus(!addenda.isEmpty()),
                            r.procedure(),
                            r.modality(),
                            r.breastImaging(),
                            r.code(),
                            r.codeDisplay(),
                            r.findings(),
                            r.impression(),
                            r.recommendation(),
                            r.biradsCategory(),
                            r.critical(),
                            r.orderedBy(),
                            staff.name(r.orderedBy()),
                            r.acquiredAt(),
                            r.createdAt(),
                            r.updatedAt(),
                            staff.name(r.updatedBy()),
                            r.signedBy(),
                            r.signedByName(),
                            r.signedAt(),
                            r.version(),
                            addenda,
                            store.keyImages(r.id()));
                })
                .toList();
    }
}
