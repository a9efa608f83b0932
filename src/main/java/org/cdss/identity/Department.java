package org.cdss.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A hospital department; data, not code, so hospitals add their own. */
@Entity
@Table(name = "department")
class Department {

    @Id
    private UUID id;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(name = "name_ko", nullable = false, length = 100)
    private String nameKo;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Department() {}

    DepartmentView view() {
        return new DepartmentView(id, code, nameKo, nameEn, active);
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    boolean active() {
        return active;
    }
}
