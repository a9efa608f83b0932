package org.cdss.dashboard;

import java.time.LocalDate;
import java.util.UUID;
import org.cdss.scheduling.AppointmentStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

    private final AppointmentStatistics statistics;

    DashboardController(AppointmentStatistics statistics) {
        this.statistics = statistics;
    }

    /** One day's appointment counts (default today in the hospital's zone), optionally for one department. */
    @GetMapping("/api/dashboard/appointments")
    AppointmentStatistics.DayStatistics appointments(
            @RequestParam(required = false) LocalDate date, @RequestParam(required = false) UUID departmentId) {
        return statistics.day(date, departmentId);
    }
}
