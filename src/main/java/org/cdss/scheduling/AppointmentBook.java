package org.cdss.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.StaffMember;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduling module's API: schedules, booking, the appointment life cycle, lists and the waiting queue. Who may
 * do what is checked here. Patients act only on their own appointments (anything else is 404) and within the portal
 * rules ({@code cdss.portal.*}).
 */
@Service
public class AppointmentBook {

    static final Set<Role> BOOKERS = EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.PATIENT);
    static final Set<Role> FRONT_DESK_AND_WARD = EnumSet.of(Role.ADMIN_STAFF, Role.NURSE, Role.DOCTOR);

    private final Appointments appointments;
    private final DoctorSchedules schedules;
    private final PatientDirectory patients;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration portalCancelNotice;
    private final int portalBookingDays;

    AppointmentBook(
            Appointments appointments,
            DoctorSchedules schedules,
            PatientDirectory patients,
            IdentityQueries identity,
            AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock,
            HospitalZone zone,
            @Value("${cdss.portal.cancel-notice:24h}") Duration portalCancelNotice,
            @Value("${cdss.portal.booking-days:90}") int portalBookingDays) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.patients = patients;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = zone.zoneId();
        this.portalCancelNotice = portalCancelNotice;
        this.portalBookingDays = portalBookingDays;
    }

    // ---- schedules ----

    @Transactional
    public ScheduleView defineSchedule(DefineScheduleRequest request) {
        requireAny(EnumSet.of(Role.ADMIN_STAFF, Role.ADMIN));
        requireDoctorIn(request.doctorId(), request.departmentId());
        if (!request.endTime().isAfter(request.startTime())
                || java.time.Duration.between(request.startTime(), request.endTime())
                                .toMinutes()
                        < request.slotMinutes()) {
            throw field("/endTime", SchedulingProblem.SCHEDULE_WITHOUT_SLOT);
        }
        DoctorSchedule schedule = schedules.save(new DoctorSchedule(
                request.doctorId(),
                request.departmentId(),
                request.dayOfWeek(),
                request.startTime(),
                request.endTime(),
                request.slotMinutes(),
                clock.instant()));
        audit.record(AuditEvent.success(
                "SCHEDULE_CREATE", "DoctorSchedule", schedule.view().id(), null));
        return schedule.view();
    }

    @Transactional(readOnly = true)
    public List<ScheduleView> schedules(UUID doctorId) {
        requireStaff();
        return schedules.findByDoctorIdAndActiveTrueOrderByDayOfWeekAscStartTimeAsc(doctorId).stream()
                .map(DoctorSchedule::view)
                .toList();
    }

    /** A doctor's slots on one day (hospital's zone), with those already taken marked. */
    @Transactional(readOnly = true)
    public List<SlotView> slots(UUID doctorId, UUID departmentId, LocalDate day) {
        CurrentUser.require();
        List<DoctorSchedule> todays = schedules.findByDoctorIdAndDepartmentIdAndDayOfWeekAndActiveTrue(
                doctorId, departmentId, day.getDayOfWeek().getValue());
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Set<Instant> taken = appointments.slotsTaken(doctorId, from, to).stream()
                .map(Appointment::startsAt)
                .collect(Collectors.toSet());
        Instant now = clock.instant();
        List<SlotView> slots = new ArrayList<>();
        for (DoctorSchedule schedule : todays) {
            for (var time : schedule.slotStarts()) {
                ZonedDateTime start = day.atTime(time).atZone(zone);
                Instant instant = start.toInstant();
                slots.add(new SlotView(
                        instant,
                        start.toLocalDateTime(),
                        schedule.slotMinutes(),
                        !taken.contains(instant) && instant.isAfter(now)));
            }
        }
        slots.sort(java.util.Comparator.comparing(SlotView::startsAt));
        return slots;
    }

    // ---- booking and life cycle ----

    @Transactional
    public AppointmentView book(BookAppointmentRequest request) {
        CdssPrincipal user = requireAny(BOOKERS);
        if (user.has(Role.PATIENT) && !request.patientId().equals(user.patientId())) {
            throw DomainException.notFound();
        }
        if (!patients.exists(request.patientId())) {
            throw field("/patientId", SchedulingProblem.PATIENT_UNKNOWN);
        }
        StaffMember doctor = requireDoctorIn(request.doctorId(), request.departmentId());
        ZonedDateTime start = request.localStart().atZone(zone);
        Instant startsAt = start.toInstant();
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw field("/localStart", SchedulingProblem.IN_THE_PAST);
        }
        if (user.has(Role.PATIENT) && startsAt.isAfter(now.plus(Duration.ofDays(portalBookingDays)))) {
            throw field("/localStart", SchedulingProblem.TOO_FAR_AHEAD);
        }
        DoctorSchedule schedule = schedules
                .findByDoctorIdAndDepartmentIdAndDayOfWeekAndActiveTrue(
                        doctor.id(),
                        request.departmentId(),
                        start.getDayOfWeek().getValue())
                .stream()
                .filter(s -> s.hasSlotAt(start.toLocalTime()))
                .findFirst()
                .orElseThrow(() -> field("/localStart", SchedulingProblem.OUTSIDE_HOURS));
        Appointment appointment = new Appointment(
                request.patientId(),
                doctor.id(),
                request.departmentId(),
                startsAt,
                startsAt.plus(Duration.ofMinutes(schedule.slotMinutes())),
                blankToNull(request.reason()),
                user.userId(),
                now);
        try {
            appointments.saveAndFlush(appointment);
        } catch (DataIntegrityViolationException | org.springframework.dao.ConcurrencyFailureException e) {
            // the unique active_slot key (or, under a race, the lock on it) decided: someone else has this slot
            throw new DomainException(SchedulingProblem.SLOT_TAKEN);
        }
        audit.record(
                AuditEvent.success("APPOINTMENT_CREATE", "Appointment", appointment.id(), appointment.patientId()));
        patients.noteDepartmentVisit(appointment.patientId(), request.departmentId(), startsAt);
        publishChange(appointment);
        return views(List.of(appointment)).getFirst();
    }

    @Transactional
    public AppointmentView checkIn(UUID id) {
        requireAny(FRONT_DESK_AND_WARD);
        return transition(id, "APPOINTMENT_CHECK_IN", a -> a.checkIn(clock.instant()));
    }

    @Transactional
    public AppointmentView startConsultation(UUID id) {
        CdssPrincipal user = requireAny(EnumSet.of(Role.DOCTOR));
        return transition(id, "APPOINTMENT_START", a -> {
            requireOwnDoctor(user, a);
            a.startConsultation(clock.instant());
        });
    }

    @Transactional
    public AppointmentView complete(UUID id) {
        CdssPrincipal user = requireAny(EnumSet.of(Role.DOCTOR));
        return transition(id, "APPOINTMENT_COMPLETE", a -> {
            requireOwnDoctor(user, a);
            a.complete(clock.instant());
        });
    }

    @Transactional
    public AppointmentView markNoShow(UUID id) {
        requireAny(FRONT_DESK_AND_WARD);
        return transition(id, "APPOINTMENT_NO_SHOW", a -> a.markNoShow(clock.instant()));
    }

    @Transactional
    public AppointmentView cancel(UUID id, String reason) {
        CdssPrincipal user = requireAny(EnumSet.of(Role.ADMIN_STAFF, Role.DOCTOR, Role.NURSE, Role.PATIENT));
        return transition(id, "APPOINTMENT_CANCEL", a -> {
            if (user.has(Role.PATIENT) && a.startsAt().isBefore(clock.instant().plus(portalCancelNotice))) {
                throw new DomainException(
                        SchedulingProblem.CANCEL_TOO_LATE, "appointment.cancel-too-late", portalCancelNotice.toHours());
            }
            a.cancel(reason.trim(), clock.instant());
        });
    }

    private AppointmentView transition(UUID id, String action, java.util.function.Consumer<Appointment> change) {
        Appointment appointment = visible(id);
        change.accept(appointment);
        appointments.saveAndFlush(appointment);
        audit.record(AuditEvent.success(action, "Appointment", id, appointment.patientId()));
        publishChange(appointment);
        return views(List.of(appointment)).getFirst();
    }

    private void publishChange(Appointment a) {
        events.publishEvent(new AppointmentChanged(a.id(), a.departmentId(), a.doctorId(), a.status()));
    }

    // ---- reads ----

    @Transactional(readOnly = true)
    public AppointmentView get(UUID id) {
        CurrentUser.require();
        Appointment appointment = visible(id);
        audit.record(AuditEvent.success("APPOINTMENT_READ", "Appointment", id, appointment.patientId()));
        return views(List.of(appointment)).getFirst();
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
        found.sort(java.util.Comparator.comparing(Appointment::startsAt)
                .thenComparing(a -> a.checkedInAt() == null ? Instant.MAX : a.checkedInAt()));
        audit.record(
                new AuditEvent("APPOINTMENT_QUEUE", "Appointment", null, null, null, "results=" + found.size(), null));
        return views(found);
    }

    /** The earliest and latest instants a timeline bound stands for when it is open. */
    private static final Instant TIMELINE_START = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant TIMELINE_END = Instant.parse("9999-01-01T00:00:00Z");

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
                org.springframework.data.domain.PageRequest.of(0, limit)));
    }

    /** How many appointments {@link #forPatientTimeline} would find without a limit. */
    @Transactional(readOnly = true)
    public long countForPatientTimeline(UUID patientId, Instant from, Instant to) {
        requirePatientScope(patientId);
        return appointments.countOfPatient(
                patientId, from == null ? TIMELINE_START : from, to == null ? TIMELINE_END : to);
    }

    private static void requirePatientScope(UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        if (user.has(Role.PATIENT)
                ? !patientId.equals(user.patientId())
                : !user.hasAny(Role.PATIENT_REGISTRY_READERS)) {
            throw DomainException.notFound();
        }
    }

    // ---- helpers ----

    private Appointment visible(UUID id) {
        CdssPrincipal user = CurrentUser.require();
        Appointment appointment = appointments
                .findById(id)
                .orElseThrow(() -> new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND));
        if (user.has(Role.PATIENT) && !appointment.patientId().equals(user.patientId())) {
            throw new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND); // no existence leak
        }
        if (!user.has(Role.PATIENT) && !user.hasAny(Role.PATIENT_REGISTRY_READERS)) {
            throw new DomainException(SchedulingProblem.APPOINTMENT_NOT_FOUND);
        }
        return appointment;
    }

    private List<AppointmentView> views(List<Appointment> list) {
        Set<UUID> patientIds = new HashSet<>();
        list.forEach(a -> patientIds.add(a.patientId()));
        Map<UUID, PatientSummaryView> headers = patients.summaries(patientIds);
        Map<UUID, String> doctorNames = new java.util.HashMap<>();
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

    private StaffMember requireDoctorIn(UUID doctorId, UUID departmentId) {
        return identity.staffMember(doctorId)
                .filter(d -> d.isDoctorIn(departmentId))
                .orElseThrow(() -> field("/doctorId", SchedulingProblem.NOT_A_DOCTOR_HERE));
    }

    private static void requireOwnDoctor(CdssPrincipal user, Appointment a) {
        if (!a.doctorId().equals(user.userId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "appointment.not-your-patient");
        }
    }

    private static CdssPrincipal requireAny(Set<Role> roles) {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(roles)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    private static void requireStaff() {
        requireAny(Role.PATIENT_REGISTRY_READERS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static DomainException field(String pointer, SchedulingProblem problem) {
        return new DomainException(problem, problem.code(), List.of(new FieldProblem(pointer, problem.code())));
    }
}
