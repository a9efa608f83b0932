package org.cdss.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A portal activation code that front office issued for one patient (ADR 0013): only its keyed hash is stored, it
 * is used once, and it expires. One row per patient: issuing again replaces the code (and so invalidates the old
 * one).
 */
@Entity
@Table(name = "portal_activation_code")
class ActivationCode {

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "issued_by")
    private UUID issuedBy;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected ActivationCode() {}

    ActivationCode(UUID patientId, String codeHash, UUID issuedBy, Instant issuedAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.codeHash = codeHash;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** A new code in place of this one: new hash, new expiry, unused. */
    void replace(String newHash, UUID by, Instant now, Instant expires) {
        codeHash = newHash;
        issuedBy = by;
        issuedAt = now;
        expiresAt = expires;
        usedAt = null;
    }

    /** Why this code cannot be redeemed now, or null if it can. For the audit record only, never the answer. */
    String refusal(Instant now) {
        if (usedAt != null) {
            return "code already used";
        }
        if (!expiresAt.isAfter(now)) {
            return "code expired";
        }
        return null;
    }

    void use(Instant now) {
        usedAt = now;
    }

    UUID patientId() {
        return patientId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
