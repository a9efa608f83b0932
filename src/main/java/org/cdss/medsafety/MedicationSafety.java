package org.cdss.medsafety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.patients.ClinicalLists;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.db.RowIds;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medication safety module's API: checks a proposed order against the patient's active medications and
 * allergies, searches drugs for the order form, and describes the knowledge base. Roles are checked here, not only
 * at the URL; a check that names a patient is audited. Every alert a check shows is written to the alert log, and
 * {@link #decide} records what the clinician did about it (overrides also go to the audit trail).
 */
@Service
public class MedicationSafety {

    public static final int SEARCH_LIMIT = 20;
    /**
     * How old a recorded weight may be to be used for a weight-based dose check (children grow): the callers that
     * supply a weight (orders from vital signs, CDS Hooks from its prefetch) take none older.
     */
    public static final int WEIGHT_MAX_AGE_DAYS = 30;

    private static final OverridePolicy.Pointers DECISION_POINTERS =
            new OverridePolicy.Pointers("/reasonCode", "/comment", "/action");

    private final SafetyEngine engine;
    private final AuditLog audit;
    private final AlertLog alertLog;
    private final ClinicalLists clinicalLists;
    private final PatientDirectory patients;
    private final Clock clock;
    private final HospitalZone zone;

    MedicationSafety(
            SafetyEngine engine,
            AuditLog audit,
            AlertLog alertLog,
            ClinicalLists clinicalLists,
            PatientDirectory patients,
            Clock clock,
            HospitalZone zone) {
        this.engine = engine;
        this.audit = audit;
        this.alertLog = alertLog;
        this.clinicalLists = clinicalLists;
        this.patients = patients;
        this.clock = clock;
        this.zone = zone;
    }

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    @Transactional
    public MedicationCheckResult check(MedicationCheckRequest request) {
        return run(withAge(withRecordedLists(request)));
    }

    /**
     * The check at ordering: the proposed drug against the patient's recorded active medications and allergies
     * (read here, once) plus the drugs of the patient's other running medication orders, with the weight the
     * caller supplies.
     */
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    @Transactional
    public MedicationCheckResult checkOrder(OrderCheckRequest order) {
        UUID patientId = order.patientId();
        java.util.Set<ActiveMedication> active = new java.util.LinkedHashSet<>(recordedMedications(patientId));
        active.addAll(order.otherOrders());
        return run(withAge(new MedicationCheckRequest(
                patientId,
                List.of(order.proposed()),
                active.stream().limit(MedicationCheckRequest.MAX_ACTIVE).toList(),
                recordedAllergies(patientId),
                null,
                order.weightKg())));
    }

    private MedicationCheckResult run(MedicationCheckRequest request) {
        MedicationCheckResult result = engine.check(request).withCheckId(RowIds.next());
        alertLog.recordShown(result.checkId(), CurrentUser.require(), request.patientId(), result.alerts());
        if (request.patientId() != null) {
            audit.record(new AuditEvent(
                    "MEDSAFETY_CHECK",
                    "Patient",
                    request.patientId().toString(),
                    request.patientId(),
                    AuditOutcome.SUCCESS,
                    "drugs=" + request.proposed().size()
                            + " alerts=" + result.alerts().size() + " complete=" + result.complete()
                            + " kb=" + result.kb().version(),
                    null));
        }
        return result;
    }

    /**
     * Records the clinician's decisions on the alerts of one of their checks. An override must satisfy the alert's
     * {@link OverridePolicy} requirement (a hard stop: reason and comment; an interruptive alert: a reason, and a
     * comment for OTHER; OVERRIDDEN on an incomplete check's alert is its acknowledgement): 422 with a
     * {@link MedsafetyProblem} code and a pointer per missing field. A rule the check did not show is refused (422
     * {@code medsafety.decision-unknown-rule}), a decision already taken conflicts (409
     * {@code medsafety.decision-already-decided}), an unknown check or one of another user is 404. Each override is
     * also written to the audit trail.
     */
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    @Transactional
    public AlertDecisionResult decide(AlertDecisionRequest request) {
        CdssPrincipal user = CurrentUser.require();
        Map<String, AlertLog.Shown> shown = alertLog.shown(request.checkId(), user);
        if (shown.isEmpty()) {
            throw new DomainException(MedsafetyProblem.CHECK_NOT_FOUND);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.decisions().size(); i++) {
            AlertDecisionRequest.Decision d = request.decisions().get(i);
            String at = "/decisions/" + i;
            AlertLog.Shown alert = shown.get(d.ruleId());
            if (alert == null || !seen.add(d.ruleId())) {
                throw new DomainException(
                        MedsafetyProblem.DECISION_UNKNOWN_RULE,
                        null,
                        List.of(new DomainException.FieldProblem(at + "/ruleId", "medsafety.decision.unknown-rule")));
            }
            if (d.action() == AlertDecisionRequest.Action.OVERRIDDEN) {
                // an explicit OVERRIDDEN decision on an incomplete check's alert is its acknowledgement
                OverridePolicy.enforce(
                        List.of(OverridePolicy.requirement(alert.type(), alert.tier())),
                        d.reasonCode(),
                        d.comment(),
                        true,
                        DECISION_POINTERS.prefixed(at));
            }
        }
        for (AlertDecisionRequest.Decision d : request.decisions()) {
            if (alertLog.decided(request.checkId(), d.ruleId())) {
                throw new DomainException(MedsafetyProblem.DECISION_ALREADY_DECIDED);
            }
        }
        int overridden = 0;
        for (AlertDecisionRequest.Decision d : request.decisions()) {
            AlertLog.Shown alert = shown.get(d.ruleId());
            alertLog.recordDecision(request.checkId(), user, alert, d);
            if (d.action() == AlertDecisionRequest.Action.OVERRIDDEN) {
                overridden++;
                audit.record(new AuditEvent(
                        "MEDSAFETY_OVERRIDE",
                        "MedsafetyCheck",
                        request.checkId().toString(),
                        alert.patientId(),
                        AuditOutcome.SUCCESS,
                        "rule=" + alert.ruleId() + " tier=" + alert.tier() + " reason=" + d.reasonCode() + " kb="
                                + alert.kbVersion(),
                        null));
            }
        }
        return new AlertDecisionResult(request.checkId(), request.decisions().size(), overridden);
    }

    /**
     * A check that names a patient and brings neither medications nor allergies is run against the patient's
     * recorded active lists (patients module).
     */
    private MedicationCheckRequest withRecordedLists(MedicationCheckRequest request) {
        if (request.patientId() == null
                || !request.activeMedications().isEmpty()
                || !request.allergies().isEmpty()) {
            return request;
        }
        List<ActiveMedication> medications = recordedMedications(request.patientId()).stream()
                .limit(MedicationCheckRequest.MAX_ACTIVE)
                .toList();
        return new MedicationCheckRequest(
                request.patientId(),
                request.proposed(),
                medications,
                recordedAllergies(request.patientId()),
                request.ageYears(),
                request.weightKg());
    }

    /** The patient's recorded active medications: coded by ingredient, or by name when not coded. */
    private List<ActiveMedication> recordedMedications(UUID patientId) {
        return clinicalLists.activeMedications(patientId).stream()
                .map(m -> new ActiveMedication(m.ingredientId(), m.ingredientId() == null ? m.name() : null))
                .toList();
    }

    private List<RecordedAllergy> recordedAllergies(UUID patientId) {
        return clinicalLists.activeAllergies(patientId).stream()
                .map(a -> new RecordedAllergy(a.substanceCode(), a.substance(), a.reaction(), a.severity()))
                .limit(MedicationCheckRequest.MAX_ALLERGIES)
                .toList();
    }

    /**
     * A check that names a patient and gives no age is run with the patient's age from their birth date (patients
     * module), so that a child's dose is not held to adult limits. The weight is the caller's: the request's
     * {@code weightKg} (the orders module passes the latest recorded one). The check's own audit record covers
     * these reads.
     */
    private MedicationCheckRequest withAge(MedicationCheckRequest request) {
        if (request.patientId() == null) {
            return request;
        }
        Integer age = request.ageYears();
        if (age == null) {
            var patient = patients.summaries(List.of(request.patientId())).get(request.patientId());
            if (patient != null && patient.birthDate() != null) {
                age = ageYears(patient.birthDate(), today(clock, zone));
            }
        }
        return request.withPatient(age, request.weightKg());
    }

    /** Today on the hospital's calendar: a birthday starts at local midnight, not at midnight UTC. */
    static LocalDate today(Clock clock, HospitalZone zone) {
        return LocalDate.now(clock.withZone(zone.zoneId()));
    }

    /** Age in completed years on {@code today} (0 for a birth date after it); the same for every way in. */
    static int ageYears(LocalDate birthDate, LocalDate today) {
        return Math.max(0, Period.between(birthDate, today).getYears());
    }

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','ADMIN')")
    public List<DrugSuggestion> searchDrugs(String query) {
        requireKnowledgeBase();
        return engine.search(query, SEARCH_LIMIT);
    }

    /** Version, sources and counts of the knowledge base in use (any logged-in staff member). */
    @PreAuthorize("isAuthenticated() and !hasRole('PATIENT')")
    public KbInfo knowledgeBase() {
        return engine.info();
    }

    /** KB browser autocomplete: products and ingredients by Korean, English or brand name (any staff member). */
    @PreAuthorize("isAuthenticated() and !hasRole('PATIENT')")
    public List<DrugSuggestion> searchIngredients(String query) {
        requireKnowledgeBase();
        return engine.search(query, SEARCH_LIMIT);
    }

    /**
     * KB browser: one ingredient with its classes, groups and one page of its interactions, filtered by severity
     * and/or source (any staff member; knowledge, not patient data, so not audited). An unknown accession is 404, an
     * unknown source 400.
     */
    @PreAuthorize("isAuthenticated() and !hasRole('PATIENT')")
    public KbIngredient ingredient(String drugId, Severity severity, String source, int page, int size) {
        requireKnowledgeBase();
        if (source != null && !engine.sources().contains(source)) {
            throw DomainException.invalidField("/source", "medsafety.kb.unknown-source");
        }
        return engine.ingredient(drugId, severity, source, page, size)
                .orElseThrow(() -> new DomainException(MedsafetyProblem.INGREDIENT_NOT_FOUND));
    }

    /**
     * The orderable product with this DrugBank accession, for order entry; empty when the knowledge base has no such
     * product, 503 {@code medsafety.kb-unavailable} when it did not load. Administrators too: they check the drugs of
     * the departments' order sets (ADR 0038).
     */
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','ADMIN')")
    public java.util.Optional<DrugSuggestion> orderableProduct(String drugId) {
        requireKnowledgeBase();
        return engine.orderable(drugId);
    }

    /**
     * The codes of a DrugBank accession for other systems (the FHIR facade's medication codings): names, RxNorm
     * ingredient concepts, ATC. Knowledge, not patient data: any signed-in caller, not audited. Empty when the
     * knowledge base does not know the accession or did not load (a coding is left out, never guessed).
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<DrugCodes> drugCodes(String drugId) {
        return engine.codes(drugId);
    }

    /**
     * Refuses (503 {@code medsafety.kb-unavailable}) what cannot be answered without the knowledge base, instead of
     * an empty search or "unknown drug" that would hide why.
     */
    private void requireKnowledgeBase() {
        if (!engine.available()) {
            throw new DomainException(MedsafetyProblem.KB_UNAVAILABLE);
        }
    }
}
