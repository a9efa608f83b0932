package org.cdss.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal activation codes (ADR 0013). Front office issues one for a patient (the patients module checks that the
 * patient exists and calls {@link #issue(UUID)}); the patient redeems it once, before it expires, to create their
 * portal account. A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits, shown
 * once in groups of four; only its HMAC-SHA-256 under a server-side pepper is stored, so a copy of the database does
 * not give usable codes. Issuing a new code replaces the patient's previous one. Issuing and redeeming are audited.
 */
@Service
public class PortalActivation {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActivationCodes codes;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec pepper;

    PortalActivation(
            ActivationCodes codes,
            UserAccounts users,
            AuditLog audit,
            Clock clock,
            @Value("${cdss.portal.activation-code-ttl:72h}") Duration ttl,
            @Value("${cdss.portal.activation-code-pepper:}") String pepper) {
        this.codes = codes;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.ttl = ttl;
        // Without a configured pepper the hash is still keyed (by a fixed label): the codes' own entropy and short
        // life are the protection then. Set CDSS_PORTAL_CODE_PEPPER in production.
        this.pepper =
                new SecretKeySpec(("cdss-portal-activation|" + pepper).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The unredeemed code of a record merged into another (ADR 0026): it would open an account on the merged record. */
    @Transactional
    public void withdrawForMergedRecord(UUID merged) {
        codes.lockByPatientId(merged).ifPresent(code -> {
            codes.delete(code);
            codes.flush();
        });
    }

    /**
     * A new code for this patient, replacing any earlier one. The caller (patients module) has checked that the
     * patient exists. 409 {@code identity.portal-account-exists} when the patient already has a portal account.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','ADMIN')")
    public PortalActivationCode issue(UUID patientId) {
        if (users.existsByPatientId(patientId)) {
            throw new DomainException(IdentityProblem.PORTAL_ACCOUNT_EXISTS);
        }
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        UUID by = CurrentUser.require().userId();
        Optional<ActivationCode> previous = codes.lockByPatientId(patientId);
        if (previous.isPresent()) {
            previous.get().replace(hash(code), by, now, expires);
        } else {
            codes.save(new ActivationCode(patientId, hash(code), by, now, expires));
        }
        audit.record(AuditEvent.success("PORTAL_CODE_ISSUE", "Patient", patientId, patientId)
                .withDetail(previous.isPresent() ? "replaced the previous code" : null));
        return new PortalActivationCode(group(code), expires);
    }

    /** The locked, unexpired, unused code that {@code typed} is, if any; the reason it is not, for the audit. */
    Redemption find(String typed, Instant now) {
        String normalized = normalize(typed);
        // a malformed code is looked up like any other (it matches nothing), so that it takes the same work
        Optional<ActivationCode> found = codes.lockByHash(hash(normalized));
        if (found.isEmpty()) {
            return new Redemption(null, normalized.length() == LENGTH ? "unknown code" : "malformed code");
        }
        String refusal = found.get().refusal(now);
        return refusal == null ? new Redemption(found.get(), null) : new Redemption(null, refusal);
    }

    record Redemption(ActivationCode code, String refusal) {}

    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    String hash(String normalizedCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(normalizedCode.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String group(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
