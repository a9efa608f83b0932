package org.cdss.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cdss.audit.AuditQueries;
import org.cdss.identity.IdentityQueries;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HomeController {

    private final IdentityQueries identity;
    private final AuditQueries audit;
    private final PatientDirectory patients;
    private final Clock clock;
    private final HospitalZone zone;

    HomeController(
            IdentityQueries identity, AuditQueries audit, PatientDirectory patients, Clock clock, HospitalZone zone) {
        this.identity = identity;
        this.audit = audit;
        this.patients = patients;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/api/home")
    HomeView home() {
        CdssPrincipal user = CurrentUser.require();
        Instant startOfToday = LocalDate.now(clock.withZone(zone.zoneId()))
                .atStartOfDay(zone.zoneId())
                .toInstant();
        List<HomeView.HomeCard> cards = new ArrayList<>();
        if (user.has(Role.ADMIN)) {
            cards.add(new HomeView.HomeCard("activeUsers", identity.activeUsers()));
            cards.add(new HomeView.HomeCard("lockedUsers", identity.lockedUsers()));
            cards.add(new HomeView.HomeCard("auditEventsToday", audit.countSince(startOfToday, null, null)));
            cards.add(new HomeView.HomeCard("failedLoginsToday", audit.countSince(startOfToday, "LOGIN_FAILED", null)));
        }
        if (user.hasAny(Role.PATIENT_REGISTRY_READERS)) {
            cards.add(new HomeView.HomeCard("activePatients", patients.countActive()));
        }
        cards.add(new HomeView.HomeCard("myActionsToday", audit.countSince(startOfToday, null, user.username())));
        return new HomeView(identity.me(user), cards, audit.recentFor(user.username(), 8));
    }
}
