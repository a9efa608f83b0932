package org.cdss.support;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cdss.identity.CreateUserRequest;
import org.cdss.identity.UserManagement;
import org.cdss.identity.UserView;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.Sex;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates users and patients for tests through the modules' own APIs, acting as a system administrator. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final UserManagement users;
    private final PatientDirectory patients;

    TestUsers(UserManagement users, PatientDirectory patients) {
        this.users = users;
        this.patients = patients;
    }

    public static String uniqueName(String prefix) {
        return prefix + SEQ.incrementAndGet() + "x"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public UserView staff(Role role, UUID... departments) {
        return staffNamed(role, "Test " + role, departments);
    }

    /** A staff member by role name, for tests that must not import the production roles (the endpoint matrix). */
    public UserView staff(String role, UUID... departments) {
        return staff(Role.valueOf(role), departments);
    }

    public UserView staffNamed(Role role, String displayName, UUID... departments) {
        return asSystem(() -> users.create(new CreateUserRequest(
                uniqueName(role.name().toLowerCase().replace("_", "")),
                displayName,
                PASSWORD,
                EnumSet.of(role),
                Set.of(departments),
                null)));
    }

    public PatientSummaryView patient(String name) {
        return patient(name, Sex.F);
    }

    public PatientSummaryView patient(String name, Sex sex) {
        return asSystem(() -> patients.register(
                new PatientDirectory.NewPatient(name, null, java.time.LocalDate.of(1970, 1, 1), sex)));
    }

    public UserView patientAccount(PatientSummaryView patient) {
        return asSystem(() -> users.create(new CreateUserRequest(
                uniqueName("pt"), patient.name(), PASSWORD, EnumSet.of(Role.PATIENT), Set.of(), patient.id())));
    }

    public static <T> T asSystem(Supplier<T> work) {
        var system = new CdssPrincipal(
                new UUID(0, 1), "test-system", "tests", EnumSet.of(Role.ADMIN, Role.ADMIN_STAFF), Set.of(), null);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        system,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_ADMIN"),
                                new SimpleGrantedAuthority("ROLE_ADMIN_STAFF"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
