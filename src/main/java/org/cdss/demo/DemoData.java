package org.cdss.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.identity.CreateUserRequest;
import org.cdss.identity.DepartmentView;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.UserManagement;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientDirectory.NewPatient;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.Sex;
import org.cdss.scheduling.AppointmentBook;
import org.cdss.scheduling.BookAppointmentRequest;
import org.cdss.scheduling.DefineScheduleRequest;
import org.cdss.scheduling.ScheduleManagement;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.db.DatabaseStartup;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users and synthetic patients once, on the first start in demo mode. The password comes from
 * {@code CDSS_DEMO_PASSWORD}; when unset, a random one is generated and printed once. All patients are synthetic.
 */
@Component
@ConditionalOnProperty(name = "cdss.mode", havingValue = "demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** username → (roles, department codes). */
    static final Map<String, Map.Entry<Set<Role>, Set<String>>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("doctor", Map.entry(EnumSet.of(Role.DOCTOR), Set.of("PULMONOLOGY")));
        USERS.put("nurse", Map.entry(EnumSet.of(Role.NURSE), Set.of("PULMONOLOGY")));
        USERS.put("pharmacist", Map.entry(EnumSet.of(Role.PHARMACIST), Set.of("PHARMACY")));
        USERS.put("labtech", Map.entry(EnumSet.of(Role.LAB_TECH), Set.of("LABORATORY")));
        USERS.put("radiographer", Map.entry(EnumSet.of(Role.RADIOGRAPHER), Set.of("RADIOLOGY")));
        // imaging orders are routed to RADIOLOGY: the radiologist reads them there (RIS worklist, issue 11)
        USERS.put("radiologist", Map.entry(EnumSet.of(Role.RADIOLOGIST), Set.of("DIAGNOSTIC_RADIOLOGY", "RADIOLOGY")));
        USERS.put("frontdesk", Map.entry(EnumSet.of(Role.ADMIN_STAFF), Set.of("FRONT_OFFICE")));
        USERS.put("admin", Map.entry(EnumSet.of(Role.ADMIN), Set.of()));
    }

    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "doctor",
            "김민준 (Dr. Kim)",
            "nurse",
            "이서연 (Nurse Lee)",
            "pharmacist",
            "박지훈 (Pharm. Park)",
            "labtech",
            "최수아 (Lab Choi)",
            "radiographer",
            "정도윤 (RT Jung)",
            "radiologist",
            "강하은 (Dr. Kang)",
            "frontdesk",
            "조예준 (Front desk Cho)",
            "admin",
            "관리자 (Admin)");

    private static final List<NewPatient> PATIENTS = List.of(
            new NewPatient("홍길동", "Hong Gildong", LocalDate.of(1958, 3, 14), Sex.M),
            new NewPatient("김영희", "Kim Younghee", LocalDate.of(1967, 11, 2), Sex.F),
            new NewPatient("이철수", "Lee Cheolsu", LocalDate.of(1975, 6, 21), Sex.M),
            new NewPatient("박순자", "Park Soonja", LocalDate.of(1949, 1, 30), Sex.F),
            new NewPatient("최민호", "Choi Minho", LocalDate.of(1988, 9, 9), Sex.M),
            new NewPatient("정수빈", "Jung Soobin", LocalDate.of(1993, 4, 17), Sex.F),
            new NewPatient("윤재현", "Yoon Jaehyun", LocalDate.of(2001, 12, 25), Sex.M),
            new NewPatient("한지민", "Han Jimin", LocalDate.of(1981, 7, 5), Sex.F));

    private final IdentityQueries identity;
    private final UserManagement users;
    private final AppointmentBook appointments;
    private final ScheduleManagement schedules;
    private final HospitalZone zone;
    private final PatientDirectory patients;
    private final DatabaseStartup database;
    private final String configuredPassword;

    DemoData(
            IdentityQueries identity,
            UserManagement users,
            AppointmentBook appointments,
            ScheduleManagement schedules,
            HospitalZone zone,
            PatientDirectory patients,
            DatabaseStartup database,
            @Value("${cdss.demo.password:}") String configuredPassword) {
        this.identity = identity;
        this.users = users;
        this.appointments = appointments;
        this.schedules = schedules;
        this.zone = zone;
        this.patients = patients;
        this.database = database;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (database.isMigrated()) {
            seedIfEmpty();
        }
    }

    @EventListener(DatabaseStartup.DatabaseMigrated.class)
    void onLateMigration() {
        seedIfEmpty();
    }

    synchronized void seedIfEmpty() {
        if (identity.hasUsers()) {
            return;
        }
        String password = configuredPassword.isBlank() ? randomPassword() : configuredPassword;
        var system = new CdssPrincipal(
                new UUID(0, 0), "system", "CDSS demo set-up", EnumSet.of(Role.ADMIN, Role.ADMIN_STAFF), Set.of(), null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        system,
                        null,
                        List.of(
                                new SimpleGrantedAuthority(Role.ADMIN.authority()),
                                new SimpleGrantedAuthority(Role.ADMIN_STAFF.authority()))));
        try {
            Map<String, UUID> departments =
                    identity.departments().stream().collect(Collectors.toMap(DepartmentView::code, DepartmentView::id));
            Map<String, UUID> userIds = new LinkedHashMap<>();
            USERS.forEach((username, access) -> userIds.put(
                    username,
                    users.create(new CreateUserRequest(
                                    username,
                                    DISPLAY_NAMES.get(username),
                                    password,
                                    access.getKey(),
                                    access.getValue().stream()
                                            .map(departments::get)
                                            .collect(Collectors.toSet()),
                                    null))
                            .id()));
            List<PatientSummaryView> registered =
                    PATIENTS.stream().map(patients::register).toList();
            users.create(new CreateUserRequest(
                    "patient",
                    registered.getFirst().name(),
                    password,
                    EnumSet.of(Role.PATIENT),
                    Set.of(),
                    registered.getFirst().id()));
            seedClinic(userIds.get("doctor"), departments.get("PULMONOLOGY"), registered);
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (configuredPassword.isBlank()) {
            log.warn("""

                    ================================================================
                     CDSS demo mode: demo users created ({}, patient).
                     Password for all of them (shown once): {}
                     Set CDSS_DEMO_PASSWORD to choose it yourself.
                    ================================================================""", String.join(", ", USERS.keySet()), password);
        } else {
            log.info("CDSS demo mode: demo users created with the password from CDSS_DEMO_PASSWORD.");
        }
    }

    /** The demo doctor holds clinic every day 09:00–18:00 in 20-minute slots; three patients are booked tomorrow. */
    private void seedClinic(UUID doctorId, UUID pulmonology, List<PatientSummaryView> registered) {
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            schedules.defineSchedule(new DefineScheduleRequest(
                    doctorId, pulmonology, day, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), 20));
        }
        LocalDate tomorrow = LocalDate.now(zone.zoneId()).plusDays(1);
        int[][] times = {{9, 0}, {9, 20}, {10, 0}};
        for (int i = 0; i < times.length; i++) {
            appointments.book(new BookAppointmentRequest(
                    registered.get(i + 1).id(),
                    doctorId,
                    pulmonology,
                    tomorrow.atTime(times[i][0], times[i][1]),
                    "정기 진료"));
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
