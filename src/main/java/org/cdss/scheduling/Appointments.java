package org.cdss.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Appointments extends JpaRepository<Appointment, UUID> {

    @Query("""
            select a from Appointment a
            where a.startsAt >= :from and a.startsAt < :to
              and (:departmentId is null or a.departmentId = :departmentId)
              and (:doctorId is null or a.doctorId = :doctorId)
              and (:patientId is null or a.patientId = :patientId)
              and a.status in :statuses
            order by a.startsAt, a.id""")
    List<Appointment> find(
            Instant from,
            Instant to,
            @Nullable UUID departmentId,
            @Nullable UUID doctorId,
            @Nullable UUID patientId,
            Collection<AppointmentStatus> statuses);

    @Query("""
            select a from Appointment a
            where a.doctorId = :doctorId and a.startsAt >= :from and a.startsAt < :to and a.activeSlot is not null""")
    List<Appointment> slotsTaken(UUID doctorId, Instant from, Instant to);

    /** Whether the patient holds an appointment (one that keeps its slot) overlapping {@code [from, to)}. */
    @Query("""
            select count(a) > 0 from Appointment a
            where a.patientId = :patientId and a.activeSlot is not null and a.startsAt < :to and a.endsAt > :from""")
    boolean patientBusy(UUID patientId, Instant from, Instant to);

    @Query("""
            select a from Appointment a
            where a.patientId = :patientId and a.startsAt >= :from and a.startsAt < :to
            order by a.startsAt desc, a.id""")
    List<Appointment> newestOfPatient(UUID patientId, Instant from, Instant to, Pageable page);

    @Query("""
            select count(a) from Appointment a
            where a.patientId = :patientId and a.startsAt >= :from and a.startsAt < :to""")
    long countOfPatient(UUID patientId, Instant from, Instant to);

    /** The patient's appointments still ahead that keep their slot (what a portal booking counts against its cap). */
    @Query("""
            select count(a) from Appointment a
            where a.patientId = :patientId and a.activeSlot is not null and a.startsAt > :now""")
    long upcomingOfPatient(UUID patientId, Instant now);
}
