package org.cdss.identity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccounts extends JpaRepository<UserAccount, UUID>, JpaSpecificationExecutor<UserAccount> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByPatientId(UUID patientId);

    Optional<UserAccount> findByPatientId(UUID patientId);

    @Query("select count(u) from UserAccount u where u.active = true")
    long countActive();

    @Query("select count(u) from UserAccount u where u.lockedUntil > :now")
    long countLocked(Instant now);

    @Query("select distinct u from UserAccount u join u.roles r where r = :role and u.active = true")
    java.util.List<UserAccount> activeWithRole(org.cdss.shared.security.Role role);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> lockById(UUID id);
}
