package org.cdss.ai;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.Sex;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lung-cancer risk assessments of patients: the pre-filled inputs, the prediction (recorded in the ledger and
 * audited), reading a suggestion (audited) and the clinician's decision on it. Only {@link #RUNNERS} run the model and
 * decide, on patients that exist (every doctor and nurse may read every chart here: records' chart-reader rule);
 * a patient reads nothing of it except what a clinician shared ({@link AiTimelineSource}).
 */
@Service
public class LungRiskService {

    /** Clinical roles that run models and decide on their suggestions. */
    static final Set<Role> RUNNERS = EnumSet.of(Role.DOCTOR, Role.NURSE);

    private final LungRiskModel model;
    private final SuggestionLedger ledger;
    private final PatientDirectory patients;
    private final AuditLog audit;
    private final Clock clock;
    private final HospitalZone zone;

    LungRiskService(
            LungRiskModel model,
            SuggestionLedger ledger,
            PatientDirectory patients,
            AuditLog audit,
            Clock clock,
            HospitalZone zone) {
        this.model = model;
        this.ledger = ledger;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the patient's record already says about the model's inputs (sex and age); the rest is asked. */
    public record LungRiskPrefill(
            UUID patientId,
            @Nullable Integer sexCode,
            @Nullable Integer age) {}

    @Transactional(readOnly = true)
    public LungRiskPrefill prefill(UUID patientId) {
        requireRunner();
        PatientSummaryView p = patient(patientId);
        Integer sex =
                p.sex() == Sex.M ? LungRiskEncoding.SEX_MALE : p.sex() == Sex.F ? LungRiskEncoding.SEX_FEMALE : null;
        Integer age = p.birthDate() == null
                ? null
                : Period.between(p.birthDate(), today()).getYears();
        return new LungRiskPrefill(patientId, sex, age);
    }

    @Transactional
    public SuggestionView predict(AiRequests.LungRiskPredict request) {
        CdssPrincipal user = requireRunner();
        patient(request.patientId());
        if (patients.state(request.patientId()) == PatientDirectory.RecordState.INACTIVE) {
            // merged or closed (ADR 0058): the suggestion would sit on a record nobody opens; assess the survivor
            throw PatientDirectory.inactive("/patientId");
        }
        ModelRegistry.RegisteredModel registered = available();
        if (!LungRiskModel.withinTrainingAges(registered, request.inputs().age())) {
            String ages = LungRiskModel.trainingAges(registered);
            throw new DomainException(
                    ProblemCode.VALIDATION,
                    "ai.age-outside-training",
                    List.of(new DomainException.FieldProblem("/inputs/age", "ai.age-outside-training", ages)),
                    ages);
        }
        LungRiskModel.Result result =
                model.predict(registered, List.of(request.inputs().raw())).getFirst();
        UUID id = ledger.record(
                registered,
                request.inputs().canonical(),
                result,
                new SuggestionLedger.Subject(
                        request.patientId(),
                        request.inputs().sexCode(),
                        request.inputs().age()),
                null,
                user.userId(),
                user.username());
        audit.record(AuditEvent.success("AI_PREDICT", "AiSuggestion", id, request.patientId())
                .withDetail("model=" + registered.id() + " " + registered.version() + " band=" + result.band()));
        return ledger.find(id).orElseThrow();
    }

    /** Whether the model may score this item: its age is within the ages it was trained on. */
    boolean withinTrainingAges(AiRequests.LungRiskPredict item) {
        return LungRiskModel.withinTrainingAges(available(), item.inputs().age());
    }

    /** Predicts a batch (a job's work): one ledger row per item, attributed to the job and its owner. */
    List<UUID> predictBatch(
            List<AiRequests.LungRiskPredict> items, UUID jobId, @Nullable UUID owner, AuditEvent.Actor submitter) {
        ModelRegistry.RegisteredModel registered = available();
        List<double[]> rows = items.stream().map(i -> i.inputs().raw()).toList();
        List<LungRiskModel.Result> results = model.predict(registered, rows);
        List<UUID> ids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            AiRequests.LungRiskPredict item = items.get(i);
            ids.add(ledger.record(
                    registered,
                    item.inputs().canonical(),
                    results.get(i),
                    new SuggestionLedger.Subject(
                            item.patientId(),
                            item.inputs().sexCode(),
                            item.inputs().age()),
                    jobId,
                    owner,
                    "job " + jobId.toString().substring(0, 8)));
            // each prediction of a batch is patient data written: one audit row each, in the submitter's name
            audit.record(AuditEvent.success("AI_PREDICT", "AiSuggestion", ids.getLast(), item.patientId())
                    .withDetail("model=" + registered.id() + " " + registered.version() + " band="
                            + results.get(i).band() + " job=" + jobId)
                    .by(submitter));
        }
        return ids;
    }

    /** One suggestion; each view is an audit row. */
    @Transactional(readOnly = true)
    public SuggestionView suggestion(UUID id) {
        requireRunner();
        SuggestionView view = ledger.find(id).orElseThrow(() -> new DomainException(AiProblem.SUGGESTION_NOT_FOUND));
        audit.record(AuditEvent.success("AI_SUGGESTION_VIEW", "AiSuggestion", id, view.patientId()));
        return view;
    }

    /** A patient's suggestions, newest first (one audit row for the list). */
    @Transactional(readOnly = true)
    public List<SuggestionView> forPatient(UUID patientId) {
        requireRunner();
        patient(patientId);
        audit.record(AuditEvent.success("AI_SUGGESTION_LIST", "Patient", patientId, patientId));
        return ledger.forPatient(patientId, 50);
    }

    @Transactional
    public SuggestionView decide(UUID id, AiRequests.AiDecisionRequest decision) {
        CdssPrincipal user = requireRunner();
        SuggestionView view = ledger.find(id).orElseThrow(() -> new DomainException(AiProblem.SUGGESTION_NOT_FOUND));
        boolean noReason = decision.reason() == null || decision.reason().isBlank();
        if ((decision.decision() == AiRequests.AiDecisionKind.REJECTED && noReason)
                || (decision.decision() == AiRequests.AiDecisionKind.EDITED
                        && (decision.editedBand() == null
                                || !List.of("LOW", "MEDIUM", "HIGH").contains(decision.editedBand())))) {
            throw new DomainException(AiProblem.DECISION_INCOMPLETE);
        }
        ledger.decide(id, decision, user);
        audit.record(AuditEvent.success("AI_DECISION", "AiSuggestion", id, view.patientId())
                .withDetail(decision.decision().name()
                        + (Boolean.TRUE.equals(decision.shareWithPatient()) ? " shared" : "")));
        return ledger.find(id).orElseThrow();
    }

    ModelRegistry.RegisteredModel available() {
        return model.model().orElseThrow(() -> new DomainException(AiProblem.MODEL_UNAVAILABLE));
    }

    private PatientSummaryView patient(UUID patientId) {
        if (!patients.exists(patientId)) {
            audit.record(new AuditEvent(
                    "AI_PATIENT", "Patient", patientId.toString(), null, AuditOutcome.DENIED, null, null));
            throw new DomainException(AiProblem.PATIENT_NOT_FOUND);
        }
        return patients.get(patientId);
    }

    static CdssPrincipal requireRunner() {
        CdssPrincipal user = CurrentUser.require();
        if (!user.hasAny(RUNNERS)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return user;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zoneId()));
    }
}
