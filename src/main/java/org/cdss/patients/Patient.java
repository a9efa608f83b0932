package org.cdss.patients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version; // null until first stored, so that save() persists instead of merging

    protected Patient() {
    }

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
