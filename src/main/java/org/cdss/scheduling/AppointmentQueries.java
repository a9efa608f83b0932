package org.cdss.scheduling;

import static org.cdss.scheduling.SchedulingAccess.requireStaff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of appointments: one, a day list, today's waiting queue and a patient's for the records timeline, each
 * with the patient's name and number and the doctor's name. Patients see only their own appointments (another's is
 * 404, the waiting queue 403); staff need registry access (without it: one appointment is 404, a list or the queue
 * 403). Every read but the timeline's (which the records module audits as a whole) is audited here.
 */
@Service
public class AppointmentQueries {

    /** The earliest and latest instants a timeline bound stands for when it is open. */
    private static final Instant TIMELINE_START = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant TIMELINE_END = Instant.parse("9999-01-01T00:00:00Z");

    private final Appointments appointments;
    private final PatientDirectory patients;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    AppointmentQueries(
            Appointments appointments,
            PatientDirectory patients,
            IdentityQueries identity,
            AuditLog audit,
            Clock clock,
            HospitalZone zone) {
        this.appointments = appointments;
        this.patients = patients;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    @Transactional(readOnly = true)
    public AppointmentView get(UUID id) {
        CurrentUser.require();
        Appointment appointment = visible(id);
        audit.record(AuditEvent.success("APPOINTMENT_READ", "Appointment", id, appointment.patientId()));
        return view(appointment);
    }

    /**
     * Appointments of {@code days} days from {@code from} (hospital's zone), optionally by department, doctor and
     * status. A patient sees only their own, whatever the filters say.
     */
    @Transactional(readOnly = true)
    public List<AppointmentView> list(
            LocalDate from, int days, UUID departmentId, UUID doctorId, Set<AppointmentStatus> statuses) {
        CdssPrincipal user = CurrentUser.require();
        UUID patientId = null;
        if (user.has(Role.PATIENT)) {
            patientId = user.patientId();
        } else {
            requireStaff();
        }
        Set<AppointmentStatus> wanted =
                statuses == null || statuses.isEmpty() ? EnumSet.allOf(AppointmentStatus.class) : statuses;
        List<Appointment> found = appointments.find(
                from.atStartOfDay(zone).toInstant(),
                from.plusDays(days).atStartOfDay(zone).toInstant(),
                departmentId,
                doctorId,
                patientId,
                wanted);
        audit.record(new AuditEvent(
                "APPOINTMENT_LIST", "Appointment", null, patientId, null, "results=" + found.size(), null));
        return views(found);
    }

    /** Today's waiting queue: checked in or in consultation, by appointment time then check-in time. */
    @Transactional(readOnly = true)
    public List<AppointmentView> queue(UUID departmentId, UUID doctorId) {
        requireStaff();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Appointment> found = new ArrayList<>(appointments.find(
                today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(),
                departmentId,
                doctorId,
                null,
                EnumSet.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION)));
        found.sort(Comparator.comparing(Appointment::startsAt)
                .thenComparing(a -> a.checkedInAt() == null ? Instant.MAX : a.checkedInAt()));
        audit.record(
                new AuditEvent("APPOINTMENT_QUEUE", "Appointment", null, null, null, "results=" + found.size(), null));
        return views(found);
    }

    /**
     * A patient's appointments starting in {@code [from, to)} (either bound may be null), newest first, at most
     * {@code limit}: the records module's timeline, which checks chart access and audits the whole timeline read
     * itself, so this read is not audited on its own. A patient gets only their own; anyone else needs registry
     * access.
     */
    @Transactional(readOnly = true)
    public List<AppointmentView> forPatientTimeline(UUID patientId, Instant from, Instant to, int limit) {
        requirePatientScope(patientId);
        return views(appointments.newestOfPatient(
                patientId,
                from == null ? TIMELINE_START : from,
                to == null ? TIMELINE_END : to,
                PageRequest.of(0, limit)));
    }

    /** How many appointments {@link #forPatientTimeline} would find without a limit. */
    @Transactional(readOnly = true)
    public long countForPatientTimeline(UUID patientId, Instant from, Instant to) {
        requirePatientScope(patientId);
        return appointments.countOfPatient(
                patientId, from == null ? TIMELINE_START : from, to == null ? TIMELINE_END : to);
    }

    /** The appointment, when the current user may see it; otherwise not found (no existence leak). */
    Appointment visible(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        Appointment appointment = appointments
                .findById(id)
                .orElseThrow(() -> new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND));
        if (user.has(Role.PATIENT) && !appointment.patientId().equals(user.patientId())) {
            throw new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND);
        }
        if (!user.has(Role.PATIENT) && !user.hasAny(Role.PATIENT_REGISTRY_READERS)) {
            throw new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND);
        }
        return appointment;
    }

    AppointmentView view(Appointment appointment) {
        return views(List.of(appointment)).getFirst();
    }

    private static void requirePatientScope(UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        if (user.has(Role.PATIENT)
                ? !patientId.equals(user.patientId())
                : !user.hasAny(Role.PATIENT_REGISTRY_READERS)) {
            throw DomainException.notFound();
        }
    }

    private List<AppointmentView> views(List<Appointment> list) {
        Set<UUID> patientIds = new HashSet<>();
        list.forEach(a -> patientIds.add(a.patientId()));
        Map<UUID, PatientSummaryView> headers = patients.summaries(patientIds);
        Map<UUID, String> doctorNames = new HashMap<>();
        return list.stream()
                .map(a -> {
                    PatientSummaryView p = headers.get(a.patientId());
                    String doctorName = doctorNames.computeIfAbsent(
                            a.doctorId(), d -> identity.staffName(d).orElse(null));
                    return new AppointmentView(
                            a.id(),
                            a.patientId(),
                            p == null ? null : p.name(),
                            p == null ? null : p.mrn(),
                            a.doctorId(),
                            doctorName,
                            a.departmentId(),
                            a.startsAt(),
                            a.endsAt(),
                            a.startsAt().atZone(zone).toLocalDateTime(),
                            zone.getId(),
                            a.status(),
                            a.reason(),
                            a.cancelReason(),
                            a.checkedInAt(),
                            a.version());
                })
                .toList();
    }
}
