package org.cdss.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of one day's appointments by status, department, hour and (for doctors) their own, computed by grouped
 * queries on the {@code (department_id, starts_at)} index: no rows are loaded, whatever the size of the day.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    AppointmentStatistics(JdbcClient jdbc, Clock clock, HospitalZone zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone.zoneId();
    }

    /** Counts by status; {@code total} excludes cancellations. */
    public record StatusCounts(
            long total,
            long scheduled,
            long waiting,
            long inConsultation,
            long completed,
            long noShows,
            long cancelled) {

        static StatusCounts of(Map<AppointmentStatus, Long> counts) {
            long cancelled = counts.getOrDefault(AppointmentStatus.CANCELLED, 0L);
            long sum = counts.values().stream().mapToLong(Long::longValue).sum();
            return new StatusCounts(
                    sum - cancelled,
                    counts.getOrDefault(AppointmentStatus.SCHEDULED, 0L),
                    counts.getOrDefault(AppointmentStatus.CHECKED_IN, 0L),
                    counts.getOrDefault(AppointmentStatus.IN_CONSULTATION, 0L),
                    counts.getOrDefault(AppointmentStatus.COMPLETED, 0L),
                    counts.getOrDefault(AppointmentStatus.NO_SHOW, 0L),
                    cancelled);
        }
    }

    public record DepartmentCounts(UUID departmentId, StatusCounts counts) {}

    public record HourCount(int hour, long count) {}

    public record DayStatistics(
            LocalDate date,
            String zone,
            StatusCounts all,
            List<DepartmentCounts> byDepartment,
            List<HourCount> byHour,
            StatusCounts mine) {}

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','LAB_TECH','RADIOGRAPHER','RADIOLOGIST','ADMIN_STAFF')")
    public DayStatistics day(LocalDate requested, UUID departmentId) {
        LocalDate date = requested != null ? requested : LocalDate.now(clock.withZone(zone));
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        String deptFilter = departmentId == null ? "" : " AND department_id = :dept";

        Map<UUID, Map<AppointmentStatus, Long>> byDepartment = new HashMap<>();
        Map<AppointmentStatus, Long> all = new EnumMap<>(AppointmentStatus.class);
        var query = jdbc.sql("SELECT department_id, status, COUNT(*) AS n FROM appointment"
                        + " WHERE starts_at >= :from AND starts_at < :to" + deptFilter
                        + " GROUP BY department_id, status")
                .param("from", UtcTimestamps.toColumn(from))
                .param("to", UtcTimestamps.toColumn(to));
        if (departmentId != null) {
            query = query.param("dept", departmentId.toString());
        }
        query.query((rs, n) -> {
                    UUID dept = UUID.fromString(rs.getString("department_id").trim());
                    AppointmentStatus status = AppointmentStatus.valueOf(rs.getString("status"));
                    long count = rs.getLong("n");
                    byDepartment
                            .computeIfAbsent(dept, d -> new EnumMap<>(AppointmentStatus.class))
                            .merge(status, count, Long::sum);
                    all.merge(status, count, Long::sum);
                    return null;
                })
                .list();

        // Hours are grouped in UTC by the database (EXTRACT is portable) and shifted to the hospital's zone.
        int offsetHours = zone.getRules().getOffset(from).getTotalSeconds() / 3600;
        var hourQuery = jdbc.sql("SELECT EXTRACT(HOUR FROM starts_at) AS h, COUNT(*) AS n FROM appointment"
                        + " WHERE starts_at >= :from AND starts_at < :to AND status <> 'CANCELLED'" + deptFilter
                        + " GROUP BY EXTRACT(HOUR FROM starts_at)")
                .param("from", UtcTimestamps.toColumn(from))
                .param("to", UtcTimestamps.toColumn(to));
        if (departmentId != null) {
            hourQuery = hourQuery.param("dept", departmentId.toString());
        }
        long[] hours = new long[24];
        hourQuery
                .query((rs, n) -> {
                    hours[Math.floorMod(rs.getInt("h") + offsetHours, 24)] += rs.getLong("n");
                    return null;
                })
                .list();
        List<HourCount> byHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (hours[h] > 0) {
                byHour.add(new HourCount(h, hours[h]));
            }
        }

        StatusCounts mine = null;
        var user = CurrentUser.require();
        if (user.has(Role.DOCTOR)) {
            Map<AppointmentStatus, Long> own = new EnumMap<>(AppointmentStatus.class);
            jdbc.sql("SELECT status, COUNT(*) AS n FROM appointment WHERE starts_at >= :from AND starts_at < :to"
                            + " AND doctor_id = :doctor GROUP BY status")
                    .param("from", UtcTimestamps.toColumn(from))
                    .param("to", UtcTimestamps.toColumn(to))
                    .param("doctor", user.userId().toString())
                    .query((rs, n) -> own.put(AppointmentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                    .list();
            mine = StatusCounts.of(own);
        }
        List<DepartmentCounts> departments = byDepartment.entrySet().stream()
                .map(e -> new DepartmentCounts(e.getKey(), StatusCounts.of(e.getValue())))
                .sorted(java.util.Comparator.comparing(d -> d.departmentId().toString()))
                .toList();
        return new DayStatistics(date, zone.getId(), StatusCounts.of(all), departments, byHour, mine);
    }
}
