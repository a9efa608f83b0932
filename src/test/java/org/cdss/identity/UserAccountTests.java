package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.Role;
import org.junit.jupiter.api.Test;

class UserAccountTests {

    final Instant now = Instant.parse("2026-11-25T01:00:00Z");

    UserAccount doctor() {
        return UserAccount.staff("doctor", "Dr", "hash", EnumSet.of(Role.DOCTOR), Set.of(), now);
    }

    @Test
    void the_fifth_failed_login_locks_the_account_for_fifteen_minutes() {
        UserAccount user = doctor();
        for (int i = 0; i < 4; i++) {
            assertThat(user.registerFailedLogin(now)).isFalse();
        }
        assertThat(user.registerFailedLogin(now)).isTrue();
        assertThat(user.isLocked(now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(user.isLocked(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void a_successful_login_resets_the_failure_count() {
        UserAccount user = doctor();
        for (int i = 0; i < 4; i++) {
            user.registerFailedLogin(now);
        }
        user.registerSuccessfulLogin(now);
        assertThat(user.registerFailedLogin(now)).isFalse();
    }

    @Test
    void staff_accounts_cannot_hold_the_patient_role_nor_switch_to_it() {
        assertThatThrownBy(() -> UserAccount.staff("x", "x", "h", EnumSet.of(Role.PATIENT), Set.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        UserAccount user = doctor();
        assertThatThrownBy(() -> user.changeProfile("x", EnumSet.of(Role.PATIENT), Set.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        UserAccount patient = UserAccount.patient("p", "p", "h", UUID.randomUUID(), now);
        assertThat(patient.principal().roles()).containsExactly(Role.PATIENT);
        assertThat(patient.toString()).doesNotContain("hash");
    }
}
