package org.cdss.identity;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ActivationCodes extends JpaRepository<ActivationCode, UUID> {

    /** Locked, so that two registrations with the same code cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ActivationCode c where c.codeHash = :hash")
    Optional<ActivationCode> lockByHash(String hash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ActivationCode c where c.patientId = :patientId")
    Optional<ActivationCode> lockByPatientId(UUID patientId);
}
