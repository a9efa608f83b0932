package org.cdss.records;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Encounters extends JpaRepository<Encounter, UUID> {

    Optional<Encounter> findByAppointmentId(UUID appointmentId);
}
