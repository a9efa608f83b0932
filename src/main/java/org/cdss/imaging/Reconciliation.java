package org.cdss.imaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.cdss.audit.AuditEvent;
import org.cdss.orders.ImagingOrderAcquisition;
import org.cdss.orders.OrderStatus;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reconciliation view of the imaging staff (radiographers, radiologists): studies in the archive that no order
 * asked for (arrived without a known accession number, or uploaded), and imaging orders past their due time whose
 * study has not arrived (the accession still SCHEDULED, the order still SENT). Read-only and audited; the decisions
 * themselves are the existing commands (link a study to a patient, cancel or chase the order).
 */
@Service
class Reconciliation {

    static final Set<Role> STAFF = java.util.EnumSet.of(Role.RADIOGRAPHER, Role.RADIOLOGIST);
    static final int LIMIT = 200;

    /** A study no imaging order asked for. {@code patient*} are null while it is not linked to a patient. */
    record StudyWithoutOrder(
            UUID studyId,
            @Nullable String accessionNumber,
            @Nullable String description,
            @Nullable LocalDate studyDate,
            String patientLink,
            @Nullable UUID patientId,
            @Nullable String patientName,
            @Nullable String patientMrn,
            Instant receivedAt) {}

    /** An imaging order past due without its study; {@code overdueMinutes} since its due time. */
    record OverdueOrder(
            UUID orderId,
            String orderNumber,
            String accessionNumber,
            @Nullable String procedure,
            UUID patientId,
            @Nullable String patientName,
            @Nullable String patientMrn,
            Instant dueAt,
            long overdueMinutes) {}

    record ReconciliationView(List<StudyWithoutOrder> studiesWithoutOrder, List<OverdueOrder> overdueOrders) {}

    private record Scheduled(UUID orderId, String accessionNumber, UUID patientId, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final StudyRecords studies;
    private final ImagingOrderAcquisition orders;
    private final PatientDirectory patients;
    private final ImagingAccess access;
    private final Clock clock;

    Reconciliation(
            JdbcClient jdbc,
            StudyRecords studies,
            ImagingOrderAcquisition orders,
            PatientDirectory patients,
            ImagingAccess access,
            Clock clock) {
        this.jdbc = jdbc;
        this.studies = studies;
        this.orders = orders;
        this.patients = patients;
        this.access = access;
        this.clock = clock;
    }

    ReconciliationView view() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(STAFF)) {
            throw new DomainException(org.cdss.shared.ProblemCode.FORBIDDEN);
        }
        access.record(AuditEvent.success("IMAGING_RECONCILIATION_READ", "ImagingStudy", null, null));
        Instant now = clock.instant();
        List<StudyRecords.StudyRow> unordered = studies.withoutOrder(LIMIT);
        List<OverdueOrder> overdue = new ArrayList<>();
        List<Scheduled> scheduled;
        try (Stream<Scheduled> rows = jdbc
                .sql("SELECT order_id, accession_number, patient_id, created_at"
                        + " FROM imaging_order_accession WHERE state = 'SCHEDULED' ORDER BY created_at")
                .query(Reconciliation::scheduled)
                .stream()) {
            scheduled = rows.limit(5L * LIMIT).toList();
        }
        Set<UUID> patientIds = new HashSet<>();
        unordered.forEach(s -> {
            if (s.patientId() != null) {
                patientIds.add(s.patientId());
            }
        });
        scheduled.forEach(s -> patientIds.add(s.patientId()));
        Map<UUID, PatientSummaryView> names = patients.summaries(patientIds);
        // the scheduled orders' facts in one query, not one per order; only the orders the orders module lets this
        // user see (those routed to the user's departments, ADR 0016)
        Map<UUID, ImagingOrderAcquisition.ImagingOrderFacts> facts = orders.imagingOrders(
                user, scheduled.stream().map(Scheduled::orderId).toList());
        for (Scheduled s : scheduled) {
            if (overdue.size() >= LIMIT) {
                break;
            }
            Optional.ofNullable(facts.get(s.orderId())).ifPresent(order -> {
                Instant due = order.dueAt() == null ? s.createdAt() : order.dueAt();
                if (order.status() == OrderStatus.SENT && due.isBefore(now)) {
                    PatientSummaryView p = names.get(s.patientId());
                    String modality =
                            order.modality() == null ? null : order.modality().name();
                    String procedure = modality == null
                            ? order.bodyPart()
                            : (modality + " " + (order.bodyPart() == null ? "" : order.bodyPart())).trim();
                    overdue.add(new OverdueOrder(
                            s.orderId(),
                            order.orderNumber(),
                            s.accessionNumber(),
                            procedure,
                            s.patientId(),
                            p == null ? null : p.name(),
                            p == null ? null : p.mrn(),
                            due,
                            Duration.between(due, now).toMinutes()));
                }
            });
        }
        overdue.sort(java.util.Comparator.comparing(OverdueOrder::dueAt));
        List<StudyWithoutOrder> withoutOrder = unordered.stream()
                .map(s -> {
                    PatientSummaryView p = s.patientId() == null ? null : names.get(s.patientId());
                    return new StudyWithoutOrder(
                            s.id(),
                            s.accessionNumber(),
                            s.description(),
                            s.studyDate(),
                            s.linkStatus().name(),
                            s.patientId(),
                            p == null ? null : p.name(),
                            p == null ? null : p.mrn(),
                            s.receivedAt());
                })
                .toList();
        return new ReconciliationView(withoutOrder, List.copyOf(overdue));
    }

    private static Scheduled scheduled(ResultSet rs, int n) throws SQLException {
        return new Scheduled(
                UUID.fromString(rs.getString("order_id").trim()),
                rs.getString("accession_number"),
                UUID.fromString(rs.getString("patient_id").trim()),
                UtcTimestamps.read(rs, "created_at"));
    }
}
