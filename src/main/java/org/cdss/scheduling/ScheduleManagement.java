package org.cdss.scheduling;

import static org.cdss.scheduling.SchedulingAccess.field;
import static org.cdss.scheduling.SchedulingAccess.requireAny;
import static org.cdss.scheduling.SchedulingAccess.requireStaff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.StaffMember;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' weekly schedules per department and the slots they open on a day (hospital's zone), with those already
 * booked marked. Administrative staff and administrators define schedules; staff with registry access list a doctor's
 * schedules; anyone signed in sees the slots. The book asks here whether a doctor works in a department and which
 * schedule offers a slot.
 */
@Service
public class ScheduleManagement {

    private final DoctorSchedules schedules;
    private final Appointments appointments;
    private final IdentityQueries identity;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ScheduleManagement(
            DoctorSchedules schedules,
            Appointments appointments,
            IdentityQueries identity,
            AuditLog audit,
            Clock clock,
            HospitalZone zone) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    @Transactional
    public ScheduleView defineSchedule(DefineScheduleRequest request) {
        requireAny(EnumSet.of(Role.ADMIN_STAFF, Role.ADMIN));
        doctorIn(request.doctorId(), request.departmentId());
        if (!request.endTime().isAfter(request.startTime())
                || Duration.between(request.startTime(), request.endTime()).toMinutes() < request.slotMinutes()) {
            throw field("/endTime", SchedulingProblem.SCHEDULE_WITHOUT_SLOT);
        }
        // one doctor, one place at a time: hours that overlap another of the doctor's schedules on that weekday (in
        // any department) would let two patients be booked into the same minutes at different slot starts, which the
        // slot key (doctor and start) cannot see
        boolean overlaps =
                schedules.findByDoctorIdAndActiveTrueOrderByDayOfWeekAscStartTimeAsc(request.doctorId()).stream()
                        .map(DoctorSchedule::view)
                        .anyMatch(other -> other.dayOfWeek() == request.dayOfWeek()
                                && other.startTime().isBefore(request.endTime())
                                && request.startTime().isBefore(other.endTime()));
        if (overlaps) {
            throw field("/startTime", SchedulingProblem.SCHEDULE_OVERLAPS);
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
        slots.sort(Comparator.comparing(SlotView::startsAt));
        return slots;
    }

    /** The doctor, when they are a doctor of that department; otherwise the request's {@code /doctorId} is wrong. */
    StaffMember doctorIn(UUID doctorId, UUID departmentId) {
        return identity.staffMember(doctorId)
                .filter(d -> d.isDoctorIn(departmentId))
                .orElseThrow(() -> field("/doctorId", SchedulingProblem.NOT_A_DOCTOR_HERE));
    }

    /** The doctor's active schedule in that department that has a slot starting at {@code start}. */
    DoctorSchedule offering(UUID doctorId, UUID departmentId, ZonedDateTime start) {
        return schedules
                .findByDoctorIdAndDepartmentIdAndDayOfWeekAndActiveTrue(
                        doctorId, departmentId, start.getDayOfWeek().getValue())
                .stream()
                .filter(s -> s.hasSlotAt(start.toLocalTime()))
                .findFirst()
                .orElseThrow(() -> field("/localStart", SchedulingProblem.OUTSIDE_HOURS));
    }
}
