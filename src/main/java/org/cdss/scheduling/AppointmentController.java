package org.cdss.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.HospitalZone;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

    private final AppointmentBook book;
    private final AppointmentQueries queries;
    private final ScheduleManagement schedules;
    private final Clock clock;
    private final HospitalZone zone;

    AppointmentController(
            AppointmentBook book,
            AppointmentQueries queries,
            ScheduleManagement schedules,
            Clock clock,
            HospitalZone zone) {
        this.book = book;
        this.queries = queries;
        this.schedules = schedules;
        this.clock = clock;
        this.zone = zone;
    }

    /** Appointments from {@code date} (default today, hospital's zone) for {@code days} days (1–31). */
    @GetMapping
    List<AppointmentView> list(
            @RequestParam(required = false) LocalDate date,
            @RequestParam(defaultValue = "1") @Min(1) @Max(31) int days,
            @RequestParam(required = false) UUID departmentId,
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) Set<AppointmentStatus> status) {
        LocalDate from = date != null ? date : LocalDate.now(clock.withZone(zone.zoneId()));
        return queries.list(from, days, departmentId, doctorId, status);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentView book(@Valid @RequestBody BookAppointmentRequest body) {
        return book.book(body);
    }

    @GetMapping("/{id}")
    AppointmentView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @PostMapping("/{id}/check-in")
    AppointmentView checkIn(@PathVariable UUID id) {
        return book.checkIn(id);
    }

    @PostMapping("/{id}/start")
    AppointmentView start(@PathVariable UUID id) {
        return book.startConsultation(id);
    }

    @PostMapping("/{id}/complete")
    AppointmentView complete(@PathVariable UUID id) {
        return book.complete(id);
    }

    @PostMapping("/{id}/no-show")
    AppointmentView noShow(@PathVariable UUID id) {
        return book.markNoShow(id);
    }

    @PostMapping("/{id}/cancel")
    AppointmentView cancel(
            @PathVariable UUID id, @Valid @RequestBody SchedulingRequests.CancelAppointmentRequest body) {
        return book.cancel(id, body.reason());
    }

    @GetMapping("/queue")
    List<AppointmentView> queue(
            @RequestParam(required = false) UUID departmentId, @RequestParam(required = false) UUID doctorId) {
        return queries.queue(departmentId, doctorId);
    }

    @GetMapping("/slots")
    List<SlotView> slots(@RequestParam UUID doctorId, @RequestParam UUID departmentId, @RequestParam LocalDate date) {
        return schedules.slots(doctorId, departmentId, date);
    }

    @GetMapping("/schedules")
    List<ScheduleView> schedules(@RequestParam UUID doctorId) {
        return schedules.schedules(doctorId);
    }

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView defineSchedule(@Valid @RequestBody DefineScheduleRequest body) {
        return schedules.defineSchedule(body);
    }
}
