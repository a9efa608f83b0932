package org.cdss.patients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient in the registry. Never deleted: inactivated. {@link #toString()} holds no personal data. */
@Entity
@Table(name = "patient")
class Patient {

    @Id
    private UUID id;

    @Column(nullable = false, length = 20)
    private String mrn;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "name_latin", length = 100)
    private String nameLatin;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(nullable = false, length = 1)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // a plain string column on every database (MariaDB would get an ENUM)
    private Sex sex;

    @Column(nullable = false)
    private boolean active;

    @Column(length = 20)
    private String phone;

    @Column(name = "phone_digits", length = 20)
    private String phoneDigits;

    @Column(length = 300)
    private String address;

    @Column(name = "blood_type", length = 10)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private BloodType bloodType;

    @Column(name = "emergency_contact_name", length = 100)
    private String emergencyContactName;

    @Column(name = "emergency_contact_phone", length = 20)
    private String emergencyContactPhone;

    /** AES-GCM cipher text ({@link RrnCipher}); never logged, never sent. */
    @Column(name = "rrn_encrypted", length = 200)
    private String rrnEncrypted;

    @Column(name = "rrn_masked", length = 14)
    private String rrnMasked;

    /** HMAC of the number ({@link RrnHasher}), unique; null without a number or on a duplicate found at upgrade. */
    @Column(name = "rrn_hash", length = 64)
    private String rrnHash;

    /** The older record holding the same number, found when existing rows were hashed (ADR 0026). */
    @Column(name = "rrn_duplicate_of")
    private UUID rrnDuplicateOf;

    @Column(name = "merged_into")
    private UUID mergedInto;

    @Column(name = "merged_at")
    private Instant mergedAt;

    @Column(name = "merged_by")
    private UUID mergedBy;

    /** "No known allergies" confirmed (written by {@link AllergyReview} only, read here for the view). */
    @Column(name = "allergies_none_at", insertable = false, updatable = false)
    private Instant allergiesNoneAt;

    @Column(name = "allergies_none_by_name", length = 100, insertable = false, updatable = false)
    private String allergiesNoneByName;

    @Column(name = "name_initials", length = 100)
    private String nameInitials;

    @Column(name = "inactivated_at")
    private Instant inactivatedAt;

    @Column(name = "inactivated_by")
    private UUID inactivatedBy;

    @Column(name = "inactivation_reason", length = 500)
    private String inactivationReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version; // null until first stored, so that save() persists instead of merging

    protected Patient() {}

    Patient(String mrn, String name, String nameLatin, LocalDate birthDate, Sex sex, Instant now) {
        this.id = UUID.randomUUID();
        this.mrn = mrn;
        this.name = name;
        this.nameLatin = nameLatin;
        this.birthDate = birthDate;
        this.sex = sex;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
        this.nameInitials = KoreanText.initials(name);
    }

    /** Applies the demographic fields; returns the names of the fields that changed (never their values). */
    java.util.List<String> update(Demographics d, Instant now) {
        var changed = new java.util.ArrayList<String>();
        if (!java.util.Objects.equals(name, d.name())) {
            changed.add("name");
            name = d.name();
            nameInitials = KoreanText.initials(name);
        }
        nameLatin = track(changed, "nameLatin", nameLatin, d.nameLatin());
        birthDate = track(changed, "birthDate", birthDate, d.birthDate());
        sex = track(changed, "sex", sex, d.sex());
        phone = track(changed, "phone", phone, d.phone());
        phoneDigits = KoreanText.digits(phone);
        address = track(changed, "address", address, d.address());
        bloodType = track(changed, "bloodType", bloodType, d.bloodType());
        emergencyContactName = track(changed, "emergencyContactName", emergencyContactName, d.emergencyContactName());
        emergencyContactPhone =
                track(changed, "emergencyContactPhone", emergencyContactPhone, d.emergencyContactPhone());
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    void setRrn(String encrypted, String masked, String hash, Instant now) {
        this.rrnEncrypted = encrypted;
        this.rrnMasked = masked;
        this.rrnHash = hash;
        this.rrnDuplicateOf = null;
        this.updatedAt = now;
    }

    /** Gives the number up (to the record it is merged into): no number, no hash. */
    void clearRrn(Instant now) {
        this.rrnEncrypted = null;
        this.rrnMasked = null;
        this.rrnHash = null;
        this.rrnDuplicateOf = null;
        this.updatedAt = now;
    }

    /** Marks this record as merged into {@code survivor}: inactive, with who and when; false when already inactive. */
    boolean mergeInto(UUID survivor, UUID by, String reason, Instant now) {
        if (!inactivate(by, reason, now)) {
            return false;
        }
        mergedInto = survivor;
        mergedAt = now;
        mergedBy = by;
        return true;
    }

    String rrnHash() {
        return rrnHash;
    }

    String name() {
        return name;
    }

    String phoneDigits() {
        return phoneDigits;
    }

    Sex sex() {
        return sex;
    }

    /** Inactivates the record (never deleted); false when it already was inactive. */
    boolean inactivate(UUID by, String reason, Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        inactivatedAt = now;
        inactivatedBy = by;
        inactivationReason = reason;
        updatedAt = now;
        return true;
    }

    private static <T> T track(java.util.List<String> changed, String field, T old, T now) {
        if (!java.util.Objects.equals(old, now)) {
            changed.add(field);
        }
        return now;
    }

    PatientView view() {
        return new PatientView(
                id,
                mrn,
                name,
                nameLatin,
                birthDate,
                sex,
                phone,
                address,
                bloodType,
                emergencyContactName,
                emergencyContactPhone,
                rrnMasked,
                active,
                inactivatedAt,
                inactivationReason,
                createdAt,
                updatedAt,
                version,
                mergedInto,
                allergiesNoneAt,
                allergiesNoneByName);
    }

    String rrnEncrypted() {
        return rrnEncrypted;
    }

    boolean active() {
        return active;
    }

    Long version() {
        return version;
    }

    PatientSummaryView summary() {
        return new PatientSummaryView(id, mrn, name, nameLatin, birthDate, sex, active);
    }

    UUID id() {
        return id;
    }

    String mrn() {
        return mrn;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
