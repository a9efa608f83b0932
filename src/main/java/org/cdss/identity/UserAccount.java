package org.cdss.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who can log in: staff with roles and departments, or a patient linked to their patient record. Accounts
 * are deactivated, never deleted. {@link #toString()} shows the username alone.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "patient_id")
    private UUID patientId;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version; // null until first stored, so that save() persists instead of merging

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // a plain string column on every database (MariaDB would get an ENUM)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_department", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "department_id", nullable = false)
    private Set<UUID> departmentIds = new HashSet<>();

    protected UserAccount() {}

    static UserAccount staff(
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Set<UUID> departmentIds,
            Instant now) {
        if (roles.contains(Role.PATIENT)) {
            throw new IllegalArgumentException("staff accounts cannot have the PATIENT role");
        }
        return create(username, displayName, passwordHash, roles, departmentIds, null, now);
    }

    /** A patient portal account: exactly the PATIENT role, linked to one patient record, no department. */
    static UserAccount patient(String username, String displayName, String passwordHash, UUID patientId, Instant now) {
        return create(username, displayName, passwordHash, EnumSet.of(Role.PATIENT), Set.of(), patientId, now);
    }

    private static UserAccount create(
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Set<UUID> departmentIds,
            UUID patientId,
            Instant now) {
        UserAccount u = new UserAccount();
        u.id = UUID.randomUUID();
        u.username = username;
        u.displayName = displayName;
        u.passwordHash = passwordHash;
        u.active = true;
        u.roles = new HashSet<>(roles);
        u.departmentIds = new HashSet<>(departmentIds);
        u.patientId = patientId;
        u.passwordChangedAt = now;
        u.createdAt = now;
        u.updatedAt = now;
        return u;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong password; the fifth in a row locks the account for {@link #LOCKOUT}. Returns true if locked. */
    boolean registerFailedLogin(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void registerSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void changeProfile(String newDisplayName, Set<Role> newRoles, Set<UUID> newDepartments, Instant now) {
        boolean patientAccount = roles.contains(Role.PATIENT);
        if (patientAccount != newRoles.contains(Role.PATIENT)) {
            throw new IllegalArgumentException("an account cannot switch between patient and staff");
        }
        displayName = newDisplayName;
        roles = new HashSet<>(newRoles);
        departmentIds = new HashSet<>(newDepartments);
        updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        failedLogins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    void deactivate(Instant now) {
        active = false;
        updatedAt = now;
    }

    /** The patient record this portal account belongs to, after a merge moved the patient to another record. */
    void relinkPatient(UUID survivor, Instant now) {
        patientId = survivor;
        updatedAt = now;
    }

    void activate(Instant now) {
        active = true;
        updatedAt = now;
    }

    void unlock(Instant now) {
        lockedUntil = null;
        failedLogins = 0;
        updatedAt = now;
    }

    CdssPrincipal principal() {
        return new CdssPrincipal(id, username, displayName, roles, departmentIds, patientId);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    UUID patientId() {
        return patientId;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    Set<UUID> departmentIds() {
        return Set.copyOf(departmentIds);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + "]";
    }
}
