package org.cdss.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate patient records (issue 15, ADR 0026): the check a registration runs before it is saved (same resident
 * registration number, same name and birth date, same phone and birth date), the list of likely duplicates an
 * administrator works through, and the merge of one record into another. A merge moves the allergies, medications and
 * problems (this module's lists, which the medication safety check reads) to the surviving record, moves the
 * resident registration number when the survivor has none, and inactivates the merged record with a pointer to the
 * survivor ({@code merged_into}); encounters, notes and orders stay on the merged record, whose chart remains readable
 * and links to the survivor, and the survivor lists the records merged into it. Every step is audited.
 */
@Service
public class PatientDuplicates {

    private static final int LIST_LIMIT = 100;

    /** Who may match a resident registration number: those who may reveal one (front office, administrators). */
    static final java.util.Set<Role> RRN_MATCHERS = java.util.EnumSet.of(Role.ADMIN_STAFF, Role.ADMIN);

    private final Patients patients;
    private final RrnHasher hasher;
    private final RrnCipher cipher;
    private final PatientChanges changes;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final org.cdss.identity.UserManagement accounts;
    private final org.cdss.identity.PortalActivation activation;

    PatientDuplicates(
            Patients patients,
            RrnHasher hasher,
            RrnCipher cipher,
            PatientChanges changes,
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            org.cdss.identity.UserManagement accounts,
            org.cdss.identity.PortalActivation activation) {
        this.patients = patients;
        this.hasher = hasher;
        this.cipher = cipher;
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.accounts = accounts;
        this.activation = activation;
    }

    /** Why a record was offered as the same person: the number, name + birth date, phone + birth date. */
    public enum MatchReason {
        RRN,
        NAME_BIRTH_DATE,
        PHONE_BIRTH_DATE
    }

    /** A record that may be the person being registered. */
    public record DuplicateMatch(PatientSummaryView patient, List<MatchReason> reasons) {}

    /** Two records that look like one person: the older first (the usual survivor). */
    public record DuplicatePair(PatientSummaryView older, PatientSummaryView younger, List<MatchReason> reasons) {}

    /**
     * The active records that may be this person, best match first; an RRN match is certain (registration would be
     * refused), the others are for the user to judge. Audited with the count only.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN_STAFF','DOCTOR','NURSE')")
    public List<DuplicateMatch> check(
            String name, LocalDate birthDate, @Nullable String phone, @Nullable String rrn, @Nullable UUID exclude) {
        Map<UUID, DuplicateMatch> found = new LinkedHashMap<>();
        // only who may reveal a number may match by it: the masked number (birth date and sex digit) leaves about a
        // million candidates, and a check that answered "this number is that patient" to any doctor or nurse would
        // let them find a number by trying them all (ADR 0026)
        if (rrn != null && !rrn.isBlank() && CurrentUser.require().hasAny(RRN_MATCHERS)) {
            patients.findByRrnHash(hasher.hash(rrn)).ifPresent(p -> add(found, p, MatchReason.RRN));
        }
        for (Patient p : patients.findSameNameAndBirth(birthDate, nameKey(name))) {
            add(found, p, MatchReason.NAME_BIRTH_DATE);
        }
        String digits = KoreanText.digits(phone);
        if (digits != null) {
            for (Patient p : patients.findSamePhoneAndBirth(birthDate, digits)) {
                add(found, p, MatchReason.PHONE_BIRTH_DATE);
            }
        }
        if (exclude != null) {
            found.remove(exclude);
        }
        audit.record(AuditEvent.success("PATIENT_DUPLICATE_CHECK", "Patient", null, null)
                .withDetail("matches=" + found.size()));
        // each record shown (name, MRN, birth date) is a read of that patient's data
        found.forEach((id, match) -> audit.record(AuditEvent.success("PATIENT_DUPLICATE_CHECK", "Patient", id, id)
                .withDetail("reasons=" + match.reasons())));
        return List.copyOf(found.values());
    }

    private static void add(Map<UUID, DuplicateMatch> found, Patient p, MatchReason reason) {
        DuplicateMatch old = found.get(p.id());
        List<MatchReason> reasons = new ArrayList<>(old == null ? List.of() : old.reasons());
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        found.put(p.id(), new DuplicateMatch(p.summary(), List.copyOf(reasons)));
    }

    static String nameKey(String name) {
        return name.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Likely duplicates among the active records: the same number (found when existing rows were hashed), or the same
     * name and birth date. At most {@value #LIST_LIMIT} pairs; audited with the count.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<DuplicatePair> list() {
        List<UUID[]> rrnPairs = jdbc.sql("SELECT rrn_duplicate_of, id FROM patient WHERE rrn_duplicate_of IS NOT NULL "
                        + "AND active = TRUE ORDER BY created_at")
                .query((rs, n) -> new UUID[] {
                    UUID.fromString(rs.getString(1).strip()),
                    UUID.fromString(rs.getString(2).strip())
                })
                .list();
        List<UUID[]> namePairs = jdbc.sql("SELECT a.id, b.id FROM patient a JOIN patient b ON a.birth_date = "
                        + "b.birth_date AND LOWER(REPLACE(a.name, ' ', '')) = LOWER(REPLACE(b.name, ' ', '')) AND "
                        + "(a.created_at < b.created_at OR (a.created_at = b.created_at AND a.id < b.id)) "
                        + "WHERE a.active = TRUE AND b.active = TRUE ORDER BY b.created_at")
                .query((rs, n) -> new UUID[] {
                    UUID.fromString(rs.getString(1).strip()),
                    UUID.fromString(rs.getString(2).strip())
                })
                .list();
        Map<String, DuplicatePair> pairs = new LinkedHashMap<>();
        addPairs(pairs, rrnPairs, MatchReason.RRN);
        addPairs(pairs, namePairs, MatchReason.NAME_BIRTH_DATE);
        List<DuplicatePair> result = pairs.values().stream().limit(LIST_LIMIT).toList();
        audit.record(AuditEvent.success("PATIENT_DUPLICATE_LIST", "Patient", null, null)
                .withDetail("pairs=" + result.size()));
        return result;
    }

    private void addPairs(Map<String, DuplicatePair> pairs, List<UUID[]> ids, MatchReason reason) {
        for (UUID[] pair : ids) {
            String key = pair[0] + ":" + pair[1];
            DuplicatePair old = pairs.get(key);
            if (old != null) {
                List<MatchReason> reasons = new ArrayList<>(old.reasons());
                reasons.add(reason);
                pairs.put(key, new DuplicatePair(old.older(), old.younger(), List.copyOf(reasons)));
                continue;
            }
            Patient a = patients.findById(pair[0]).orElse(null);
            Patient b = patients.findById(pair[1]).orElse(null);
            if (a != null && b != null && a.active() && b.active()) {
                pairs.put(key, new DuplicatePair(a.summary(), b.summary(), List.of(reason)));
            }
        }
    }

    /** The records merged into this one (their charts keep their encounters and orders). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','LAB_TECH','RADIOGRAPHER','RADIOLOGIST','ADMIN_STAFF')")
    public List<PatientSummaryView> mergedInto(UUID survivor) {
        if (!patients.existsById(survivor)) {
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
        audit.record(AuditEvent.success("PATIENT_MERGED_READ", "Patient", survivor, survivor));
        return patients.findByMergedInto(survivor).stream()
                .map(Patient::summary)
                .toList();
    }

    /**
     * Merges {@code merged} into {@code survivor}: the clinical lists move, the number moves when the survivor has
     * none, the merged record becomes inactive and points at the survivor. 409 patient.merge-refused for a record
     * into itself, or either record inactive.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PatientView merge(UUID merged, UUID survivor, String reason) {
        // both rows locked, in id order, before either is read: two administrators merging A→B and B→A at once are
        // serialised, and the second finds its source or survivor inactive (409) instead of two charts merged into
        // each other
        jdbc.sql("SELECT id FROM patient WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .param("a", merged.toString())
                .param("b", survivor.toString())
                .query(String.class)
                .list();
        Patient source = patients.findById(merged).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        Patient target = patients.findById(survivor).orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        if (merged.equals(survivor) || !source.active() || !target.active()) {
            throw new DomainException(PatientProblem.MERGE_REFUSED);
        }
        CdssPrincipal user = CurrentUser.require();
        Instant now = clock.instant();
        int moved = 0;
        for (String table : List.of("patient_allergy", "patient_medication", "patient_problem")) {
            int n = jdbc.sql("UPDATE " + table + " SET patient_id = :survivor WHERE patient_id = :merged")
                    .param("survivor", survivor.toString())
                    .param("merged", merged.toString())
                    .update();
            if (n > 0 && table.equals("patient_allergy")) {
                AllergyReview.clear(jdbc, survivor); // the survivor's "no known allergies" no longer holds
            }
            moved += n;
        }
        // the merged record's lists moved: its "no known allergies" no longer says anything about it
        AllergyReview.clear(jdbc, merged);
        String sealed = source.rrnEncrypted();
        boolean rrnMoved = false;
        String plain = sealed == null ? null : cipher.decrypt(merged, sealed);
        source.clearRrn(now);
        if (!source.mergeInto(survivor, user.userId(), reason.strip(), now)) {
            throw new DomainException(PatientProblem.MERGE_REFUSED);
        }
        patients.saveAndFlush(source); // frees the number's hash before the survivor takes it
        if (plain != null && target.rrnEncrypted() == null) {
            String normalised = RrnCipher.normalise(plain);
            target.setRrn(cipher.encrypt(survivor, normalised), RrnCipher.mask(normalised), hasher.hash(plain), now);
            patients.saveAndFlush(target);
            rrnMoved = true;
        }
        // the patient's portal login follows them to the survivor (or, when the survivor has its own, is closed)
        activation.withdrawForMergedRecord(merged);
        accounts.followPatientMerge(merged, survivor);
        changes.append(merged, user, "MERGE", List.of("active", "mergedInto"), now);
        changes.append(
                survivor, user, "MERGE", rrnMoved ? List.of("clinicalLists", "rrn") : List.of("clinicalLists"), now);
        audit.record(AuditEvent.success("PATIENT_MERGE", "Patient", merged, merged)
                .withDetail("into=" + survivor + ",entries=" + moved + ",rrnMoved=" + rrnMoved));
        audit.record(AuditEvent.success("PATIENT_MERGE", "Patient", survivor, survivor)
                .withDetail("from=" + merged + ",entries=" + moved + ",rrnMoved=" + rrnMoved));
        return target.view();
    }
}
