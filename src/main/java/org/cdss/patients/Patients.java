package org.cdss.patients;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Patients extends JpaRepository<Patient, UUID> {

    Optional<Patient> findByMrn(String mrn);

    boolean existsByMrn(String mrn);

    Optional<Patient> findByRrnHash(String rrnHash);

    java.util.List<Patient> findByMergedInto(UUID mergedInto);

    /** Active records with this birth date and name, ignoring case and spaces (the duplicate check). */
    @Query("""
            select p from Patient p where p.active = true and p.birthDate = :birthDate
            and lower(replace(p.name, ' ', '')) = :name order by p.createdAt""")
    java.util.List<Patient> findSameNameAndBirth(java.time.LocalDate birthDate, String name);

    /** Active records with this birth date and phone digits (a renamed patient, a typo in the name). */
    @Query("""
            select p from Patient p where p.active = true and p.birthDate = :birthDate
            and p.phoneDigits = :phoneDigits order by p.createdAt""")
    java.util.List<Patient> findSamePhoneAndBirth(java.time.LocalDate birthDate, String phoneDigits);

    long countByActiveTrue();

    @Query("""
            select p from Patient p
            where lower(p.name) like :contains or lower(p.nameLatin) like :contains or p.mrn like :prefix""")
    Page<Patient> search(String contains, String prefix, Pageable pageable);

    @Query("select p from Patient p where p.nameInitials like :contains")
    Page<Patient> searchByInitials(String contains, Pageable pageable);

    Page<Patient> findByBirthDate(java.time.LocalDate birthDate, Pageable pageable);

    @Query("select p from Patient p where p.phoneDigits like :contains or p.mrn like :prefix")
    Page<Patient> searchByNumber(String contains, String prefix, Pageable pageable);
}
