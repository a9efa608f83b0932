package org.cdss.scheduling;

import static org.cdss.scheduling.SchedulingAccess.BOOKERS;
import static org.cdss.scheduling.SchedulingAccess.FRONT_DESK_AND_WARD;
import static org.cdss.scheduling.SchedulingAccess.field;
import static org.cdss.scheduling.SchedulingAccess.requireAny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.StaffMember;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking and the appointment life cycle (scheduled → checked in → in consultation → completed; cancelled with a
 * reason; no-show). Who may do what is checked here. Patients act only on their own appointments (anything else is
 * 404) and within the portal rules ({@code cdss.portal.*}). Schedules and slots are {@link ScheduleManagement}'s; the
 * reads are {@link AppointmentQueries}'.
 */
@Service
public class AppointmentBook {

    private final Appointments appointments;
    private final ScheduleManagement schedules;
    private final AppointmentQueries queries;
    private final PatientDirectory patients;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration portalCancelNotice;
    private final int portalBookingDays;
    private final int portalMaxUpcoming;

    AppointmentBook(
            Appointments appointments,
            ScheduleManagement schedules,
            AppointmentQueries queries,
            PatientDirectory patients,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            HospitalZone zone,
            @Value("${cdss.portal.cancel-notice:24h}") Duration portalCancelNotice,
            @Value("${cdss.portal.booking-days:90}") int portalBookingDays,
            @Value("${cdss.portal.max-upcoming:5}") int portalMaxUpcoming) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.queries = queries;
        this.patients = patients;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = zone.zoneId();
        this.portalCancelNotice = portalCancelNotice;
        this.portalBookingDays = portalBookingDays;
        this.portalMaxUpcoming = portalMaxUpcoming;
    }

    @Transactional
    public AppointmentView book(BookAppointmentRequest request) {
        CdssPrincipal user = requireAny(BOOKERS);
        if (user.has(Role.PATIENT) && !request.patientId().equals(user.patientId())) {
            throw DomainException.notFound();
        }
        // locked: the overlap check below and the insert run one booking at a time per patient (two clerks booking
        // one patient with two doctors at once both found the patient free)
        switch (patients.lockState(request.patientId())) {
            case UNKNOWN -> throw field("/patientId", SchedulingProblem.PATIENT_UNKNOWN);
            case INACTIVE -> throw PatientDirectory.inactive("/patientId"); // merged or closed: book the survivor
            case ACTIVE -> {}
        }
        StaffMember doctor = schedules.doctorIn(request.doctorId(), request.departmentId());
        ZonedDateTime start = request.localStart().atZone(zone);
        Instant startsAt = start.toInstant();
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw field("/localStart", SchedulingProblem.IN_THE_PAST);
        }
        if (user.has(Role.PATIENT) && startsAt.isAfter(now.plus(Duration.ofDays(portalBookingDays)))) {
            throw field("/localStart", SchedulingProblem.TOO_FAR_AHEAD);
        }
        if (user.has(Role.PATIENT) && appointments.upcomingOfPatient(request.patientId(), now) >= portalMaxUpcoming) {
            // a portal account cannot hold a clinic's slots in bulk; staff book beyond the cap (bookings of one patient
            // run one at a time: the patient's row is locked above)
            throw new DomainException(SchedulingProblem.PORTAL_LIMIT, "appointment.portal-limit", portalMaxUpcoming);
        }
        DoctorSchedule schedule = schedules.offering(doctor.id(), request.departmentId(), start);
        Instant endsAt = startsAt.plus(Duration.ofMinutes(schedule.slotMinutes()));
        // a patient is in one place at a time: not booked with two doctors for overlapping minutes
        if (appointments.patientBusy(request.patientId(), startsAt, endsAt)) {
            throw field("/localStart", SchedulingProblem.PATIENT_BUSY);
        }
        Appointment appointment = new Appointment(
                request.patientId(),
                doctor.id(),
                request.departmentId(),
                startsAt,
                endsAt,
                blankToNull(request.reason()),
                user.userId(),
                now);
        try {
            appointments.saveAndFlush(appointment);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // the unique active_slot key (or, under a race, the lock on it) decided: someone else has this slot
            throw new DomainException(SchedulingProblem.SLOT_TAKEN);
        }
        audit.record(
                AuditEvent.success("APPOINTMENT_CREATE", "Appointment", appointment.id(), appointment.patientId()));
        patients.noteDepartmentVisit(appointment.patientId(), request.departmentId(), startsAt);
        publishChange(appointment);
        return queries.view(appointment);
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

    private AppointmentView transition(UUID id, String action, Consumer<Appointment> change) {
        Appointment appointment = queries.visible(id);
        change.accept(appointment);
        appointments.saveAndFlush(appointment);
        audit.record(AuditEvent.success(action, "Appointment", id, appointment.patientId()));
        publishChange(appointment);
        return queries.view(appointment);
    }

    private void publishChange(Appointment a) {
        events.publishEvent(new AppointmentChanged(a.id(), a.departmentId(), a.doctorId(), a.status()));
    }

    private static void requireOwnDoctor(CdssPrincipal user, Appointment a) {
        if (!a.doctorId().equals(user.userId())) {
            throw new DomainException(ProblemCode.FORBIDDEN, "appointment.not-your-patient");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
