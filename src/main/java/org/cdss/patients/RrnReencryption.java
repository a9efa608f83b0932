package org.cdss.patients;

import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites every stored resident registration number that is not in the current format under the current key
 * (legacy {@code v1} values, values of an old key): decrypted with the key that sealed it, sealed again under
 * {@code CDSS_RRN_KEY} with the patient bound as associated data (ADR 0014). Idempotent: a second run rewrites
 * nothing. Patients are read in pages of {@value #PAGE} by id, one transaction per page; a row changed meanwhile
 * (its stored value differs from the one read) is left for the next run. Logs and audits counts only.
 */
@Service
class RrnReencryption {

    private static final Logger log = LoggerFactory.getLogger(RrnReencryption.class);
    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final RrnCipher cipher;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    RrnReencryption(JdbcClient jdbc, RrnCipher cipher, TransactionTemplate transactions, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** How many stored numbers were looked at and how many were rewritten. */
    record Result(long examined, long rewritten) {}

    private record Stored(String id, String value) {}

    Result reencryptAll() {
        long examined = 0;
        long rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Stored> page = jdbc.sql("SELECT id, rrn_encrypted FROM patient WHERE rrn_encrypted IS NOT NULL "
                            + "AND id > :after ORDER BY id LIMIT " + PAGE)
                    .param("after", from)
                    .query((rs, n) -> new Stored(rs.getString("id").strip(), rs.getString("rrn_encrypted")))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            examined += page.size();
            Integer changed = transactions.execute(status -> {
                int count = 0;
                for (Stored row : page) {
                    if (!cipher.needsReencryption(row.value())) {
                        continue;
                    }
                    UUID patientId = UUID.fromString(row.id());
                    String sealed = cipher.encrypt(patientId, cipher.decrypt(patientId, row.value()));
                    count += jdbc.sql("UPDATE patient SET rrn_encrypted = :sealed WHERE id = :id "
                                    + "AND rrn_encrypted = :old")
                            .param("sealed", sealed)
                            .param("id", row.id())
                            .param("old", row.value())
                            .update();
                }
                return count;
            });
            rewritten += changed == null ? 0 : changed;
            after = page.get(page.size() - 1).id();
        }
        audit.record(AuditEvent.success("RRN_REENCRYPT", "Patient", null, null)
                .withDetail("key=" + cipher.keyId() + ",examined=" + examined + ",rewritten=" + rewritten));
        log.info(
                "rrn reencrypt: {} stored numbers examined, {} rewritten under key {}",
                examined,
                rewritten,
                cipher.keyId());
        return new Result(examined, rewritten);
    }
}
