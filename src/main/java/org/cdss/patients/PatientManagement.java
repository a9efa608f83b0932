package org.cdss.patients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on the patient registry: register, edit (optimistic locking: a stale version is 409, never a lost
 * update), inactivate (never a hard delete), reveal the resident registration number (audited). Every change is
 * appended to {@code patient_change} with the names of the fields it touched, never their values.
 */
@Service
public class PatientManagement {

    private final Patients patients;
    private final PatientDirectory directory;
    private final PatientChanges changes;
    private final RrnCipher cipher;
    private final RrnHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    PatientManagement(
            Patients patients,
            PatientDirectory directory,
            PatientChanges changes,
            RrnCipher cipher,
            RrnHasher hasher,
            AuditLog audit,
            Clock clock) {
        this.hasher = hasher;
        this.patients = patients;
        this.directory = directory;
        this.changes = changes;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','DOCTOR','NURSE')")
    public PatientView register(Demographics d, String rrn) {
        Instant now = clock.instant();
        Patient patient = new Patient(directory.newMrn(), d.name(), d.nameLatin(), d.birthDate(), d.sex(), now);
        patient.update(d, now);
        List<String> fields = new ArrayList<>(List.of("name", "birthDate", "sex"));
        if (rrn != null && !rrn.isBlank()) {
            setRrn(patient, rrn, now);
            fields.add("rrn");
        }
        saveUnique(patient);
        changes.append(patient.id(), CurrentUser.require(), "CREATE", fields, now);
        audit.record(AuditEvent.success("PATIENT_CREATE", "Patient", patient.id(), patient.id()));
        return patient.view();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','DOCTOR','NURSE')")
    public PatientView update(UUID id, long version, Demographics d, String rrn) {
        Patient patient = patients.findById(id).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        if (patient.version() == null || patient.version() != version) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        if (!patient.active()) {
            throw new DomainException(PatientProblem.INACTIVE, "patient.inactive");
        }
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>(patient.update(d, now));
        if (rrn != null && !rrn.isBlank()) {
            setRrn(patient, rrn, now);
            fields.add("rrn");
        }
        if (!fields.isEmpty()) {
            saveUnique(patient); // the version check of the UPDATE decides between concurrent edits
            changes.append(id, CurrentUser.require(), "UPDATE", fields, now);
        }
        audit.record(AuditEvent.success("PATIENT_UPDATE", "Patient", id, id)
                .withDetail("fields=" + String.join(",", fields)));
        return patient.view();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','DOCTOR')")
    public PatientView inactivate(UUID id, String reason) {
        Patient patient = patients.findById(id).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        if (!patient.inactivate(user.userId(), reason.strip(), now)) {
            throw new DomainException(PatientProblem.INACTIVE, "patient.inactive");
        }
        patients.saveAndFlush(patient);
        changes.append(id, user, "INACTIVATE", List.of("active"), now);
        audit.record(AuditEvent.success("PATIENT_INACTIVATE", "Patient", id, id));
        return patient.view();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','ADMIN')")
    public RevealedRrn revealRrn(UUID id) {
        Patient patient = patients.findById(id).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        audit.record(AuditEvent.success("PATIENT_RRN_REVEAL", "Patient", id, id));
        return new RevealedRrn(patient.rrnEncrypted() == null ? null : cipher.decrypt(id, patient.rrnEncrypted()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','LAB_TECH','RADIOGRAPHER','RADIOLOGIST','ADMIN_STAFF')")
    public List<PatientChangeView> history(UUID id) {
        if (!patients.existsById(id)) {
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
        audit.record(AuditEvent.success("PATIENT_HISTORY_READ", "Patient", id, id));
        return changes.of(id);
    }

    /**
     * Seals the number and sets its keyed hash; refuses (409 patient.duplicate-rrn, naming the record that holds it) a
     * number another record already holds. The unique index on the hash decides between concurrent registrations.
     */
    private void setRrn(Patient patient, String rrn, Instant now) {
        String normalised = RrnCipher.normalise(rrn);
        String hash = hasher.hash(normalised);
        patients.findByRrnHash(hash)
                .filter(other -> !other.id().equals(patient.id()))
                .ifPresent(other -> {
                    throw duplicateRrn(other.id());
                });
        patient.setRrn(cipher.encrypt(patient.id(), normalised), RrnCipher.mask(normalised), hash, now);
    }

    private void saveUnique(Patient patient) {
        try {
            patients.saveAndFlush(patient);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            if (patient.rrnHash() == null) {
                throw e;
            }
            throw duplicateRrn(null); // a concurrent registration of the same number won
        }
    }

    /**
     * The number is taken; which record holds it is said only to those who may match and reveal numbers
     * ({@link PatientDuplicates#RRN_MATCHERS}): to a doctor or nurse the record's id would answer "whose number is
     * this" for any number they try.
     */
    private static DomainException duplicateRrn(@org.jspecify.annotations.Nullable UUID existing) {
        DomainException problem = new DomainException(PatientProblem.DUPLICATE_RRN);
        return existing == null || !CurrentUser.require().hasAny(PatientDuplicates.RRN_MATCHERS)
                ? problem
                : problem.with("existingPatientId", existing);
    }
}
