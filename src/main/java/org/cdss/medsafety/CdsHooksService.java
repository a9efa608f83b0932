package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.RowIds;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The CDS Hooks services (order-select, order-sign; patient-view is answered by {@link CdsPatientView}) and their
 * feedback endpoint. A call is read by
 * {@link CdsHooksRequestReader}, checked by the same engine as the order form, and every alert shown is written to
 * the alert log like a check of our own UI (one card per rule; the card uuid is the alert log event id, so feedback
 * finds it). Callers: a logged-in prescriber, or an EHR authenticated by a CDS Hooks JWT ({@code CDS_CLIENT}).
 */
@Service
class CdsHooksService {

    static final String OVERRIDE_SYSTEM = "urn:cdss:medsafety:override-reason";
    /** The longest {@code userComment} kept, as on the UI's decision form. */
    static final int MAX_COMMENT = 1000;

    private static final int SUMMARY_MAX = 140;
    private static final OverridePolicy.Pointers FEEDBACK_POINTERS =
            new OverridePolicy.Pointers("/overrideReason/reason", "/overrideReason/userComment", "/outcome");

    private final CdsHooksRequestReader reader;
    private final SafetyEngine engine;
    private final AlertLog alertLog;
    private final AuditLog audit;
    private final CdsPatientView patientView;

    CdsHooksService(
            CdsHooksRequestReader reader,
            SafetyEngine engine,
            AlertLog alertLog,
            AuditLog audit,
            CdsPatientView patientView) {
        this.patientView = patientView;
        this.reader = reader;
        this.engine = engine;
        this.alertLog = alertLog;
        this.audit = audit;
    }

    /** The response of a service call: the cards, most severe first. */
    record Cards(List<Card> cards) {}

    /** A CDS Hooks card; {@code uuid} is the alert log event id of the card's rule. */
    record Card(
            String uuid,
            String summary,
            String detail,
            String indicator,
            Source source,
            List<Coding> overrideReasons) {}

    record Source(String label, String topic) {}

    record Coding(String system, String code, String display) {}

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST') or hasAuthority('CDS_CLIENT')")
    @Transactional
    public Cards call(String serviceId, JsonNode body, Locale locale) {
        CdsServiceDiscovery.Service service = service(serviceId);
        if (service.hook().equals(CdsPatientView.HOOK)) {
            return patientView.call(body, locale);
        }
        CdsHooksRequestReader.Read read = reader.read(service.hook(), body);
        if (read.noOrders()) {
            return new Cards(List.of());
        }
        MedicationCheckResult result = engine.check(read.request()).withCheckId(RowIds.next());
        CdssPrincipal user = CurrentUser.require();
        Map<String, UUID> cardIds = alertLog.recordShown(result.checkId(), user, null, result.alerts());
        audit.record(new AuditEvent(
                "MEDSAFETY_CDS_HOOKS",
                "MedsafetyCheck",
                result.checkId().toString(),
                null,
                AuditOutcome.SUCCESS,
                "hook=" + service.hook() + " drugs=" + read.request().proposed().size()
                        + " alerts=" + result.alerts().size() + " complete=" + result.complete()
                        + " kb=" + result.kb().version(),
                null));
        Map<String, List<SafetyAlert>> byRule = new LinkedHashMap<>();
        result.alerts()
                .forEach(a -> byRule.computeIfAbsent(a.ruleId(), k -> new ArrayList<>())
                        .add(a));
        String nameOnly = read.identifiedByNameOnly().isEmpty()
                ? ""
                : "\n\n_" + AlertText.label("detail.name-only", locale) + "_ "
                        + String.join(", ", read.identifiedByNameOnly());
        List<Card> cards = new ArrayList<>();
        byRule.forEach(
                (rule, alerts) -> cards.add(card(cardIds.get(rule).toString(), alerts, result.kb(), nameOnly, locale)));
        if (cards.isEmpty() && !nameOnly.isEmpty()) {
            cards.add(new Card(
                    UUID.randomUUID().toString(),
                    AlertText.label("card.name-only.summary", locale),
                    java.text.MessageFormat.format(
                                    AlertText.label("card.name-only.detail", locale),
                                    result.kb().version())
                            + nameOnly,
                    "info",
                    source(result.kb(), null),
                    List.of()));
        }
        return new Cards(cards);
    }

    private static Card card(String uuid, List<SafetyAlert> alerts, KbInfo kb, String nameOnly, Locale locale) {
        SafetyAlert top = alerts.getFirst();
        StringBuilder detail = new StringBuilder();
        // the reader's language first (ADR 0032), then the source text as the knowledge base has it
        String effect = AlertText.effect(top.sources(), locale);
        if (effect != null) {
            detail.append(effect).append("\n\n");
        }
        detail.append("**")
                .append(AlertText.label("detail.source-text", locale))
                .append("**\n\n");
        for (SafetyAlert a : alerts) {
            detail.append(a.whatHappens())
                    .append("\n\n**")
                    .append(AlertText.label("detail.what-to-do", locale))
                    .append("** ")
                    .append(a.whatToDo())
                    .append("\n\n");
        }
        if (top.sources().size() > 1) {
            detail.append("_")
                    .append(AlertText.label("detail.sources-disagree", locale))
                    .append("_ ");
            for (int i = 0; i < top.sources().size(); i++) {
                SourceGrading g = top.sources().get(i);
                detail.append(i == 0 ? "" : "; ")
                        .append(sourceName(g.source()))
                        .append(": ")
                        .append(grade(g))
                        .append(" (")
                        .append(AlertText.label("severity." + g.severity().name(), locale))
                        .append(')');
            }
            detail.append("\n\n");
        }
        // the rule ids stay as they are, for integrators ("(rule …)", "related rules: …"; our UI leaves them out)
        detail.append("_")
                .append(AlertText.label("detail.source", locale))
                .append("_ ")
                .append(top.citation())
                .append(" (rule ")
                .append(top.ruleId())
                .append(')');
        if (!top.relatedRuleIds().isEmpty()) {
            detail.append("; related rules: ").append(String.join(", ", top.relatedRuleIds()));
        }
        detail.append(nameOnly);
        String summary = AlertText.summary(
                top.type(),
                top.severity(),
                top.drugs().stream().map(InvolvedDrug::name).toList(),
                locale);
        if (summary.length() > SUMMARY_MAX) {
            summary = summary.substring(0, SUMMARY_MAX - 1) + "…";
        }
        List<Coding> reasons = OverridePolicy.requirement(top).reasons().stream()
                .map(r -> new Coding(OVERRIDE_SYSTEM, r.name(), display(r)))
                .toList();
        return new Card(uuid, summary, detail.toString(), indicator(top), source(kb, top.source()), reasons);
    }

    /** The card's indicator: {@link OverridePolicy#indicator} (the one rule). */
    static String indicator(SafetyAlert alert) {
        return OverridePolicy.indicator(alert);
    }

    private static String sourceName(String source) {
        return switch (source) {
            case "ANSM" -> "ANSM";
            case "NDF-RT" -> "VA NDF-RT";
            case "ONC-HIGH" -> "ONC high-priority list";
            case "ONC-NONINT" -> "ONC non-interruptive list";
            default -> source;
        };
    }

    /** A source's own grade in words ("contraindicated", "significant"). */
    private static String grade(SourceGrading g) {
        return switch (g.sourceSeverity()) {
            case "CI" -> "contraindicated";
            case "AD" -> "avoid (association déconseillée)";
            case "PE" -> "precaution for use";
            case "PC" -> "take into account";
            case "Critical" -> "critical";
            case "Significant" -> "significant";
            case "ONC_HIGH_PRIORITY" -> "high priority";
            case "ONC_NON_INTERRUPTIVE" -> "non-interruptive";
            default -> g.sourceSeverity();
        };
    }

    private static Source source(KbInfo kb, String alertSource) {
        return new Source(
                "CDSS medication knowledge base " + kb.version()
                        + (alertSource == null ? "" : " (" + alertSource + ")"),
                null);
    }

    private static String display(OverrideReason r) {
        return switch (r) {
            case PATIENT_TOLERATES -> "Patient has tolerated this before";
            case BENEFIT_OUTWEIGHS_RISK -> "Benefit outweighs risk";
            case ALLERGY_HISTORY_INCORRECT -> "Allergy history is incorrect";
            case DOSE_ADJUSTED -> "Dose adjusted or monitored";
            case OTHER -> "Other";
        };
    }

    /**
     * Records the outcome of cards this caller was shown: {@code accepted} or {@code overridden} with an
     * {@code overrideReason} (coding of {@link #OVERRIDE_SYSTEM}) and {@code userComment} as {@link OverridePolicy}
     * requires them (an incomplete check's card needs neither: "overridden" is its acknowledgement). An
     * unknown card (or one shown to someone else) is 404, a card already decided 409.
     */
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST') or hasAuthority('CDS_CLIENT')")
    @Transactional
    public void feedback(String serviceId, JsonNode body) {
        service(serviceId);
        CdssPrincipal user = CurrentUser.require();
        JsonNode items = body == null ? null : body.path("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw DomainException.invalidField("/feedback", "medsafety.cds.required");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "/feedback/" + i;
            UUID card;
            try {
                card = UUID.fromString(item.path("card").asString(""));
            } catch (IllegalArgumentException e) {
                throw new DomainException(MedsafetyProblem.CDS_CARD_NOT_FOUND);
            }
            AlertLog.ShownEvent shown = alertLog.shownEvent(card, user)
                    .orElseThrow(() -> new DomainException(MedsafetyProblem.CDS_CARD_NOT_FOUND));
            String outcome = item.path("outcome").asString("");
            AlertDecisionRequest.Action action = switch (outcome) {
                case "accepted" -> AlertDecisionRequest.Action.ACCEPTED;
                case "overridden" -> AlertDecisionRequest.Action.OVERRIDDEN;
                default -> throw DomainException.invalidField(at + "/outcome", "medsafety.cds.bad-outcome");
            };
            JsonNode reasonNode = item.path("overrideReason");
            OverrideReason reason = null;
            String code = reasonNode.path("reason").path("code").asString("");
            for (OverrideReason r : OverrideReason.values()) {
                if (r.name().equals(code)) {
                    reason = r;
                }
            }
            String comment = reasonNode.path("userComment").asString(null);
            if (comment != null && comment.length() > MAX_COMMENT) {
                // what the UI's decision form allows (AlertDecisionRequest) and the decision row holds
                throw DomainException.invalidField(
                        at + "/overrideReason/userComment", "validation.too-long", MAX_COMMENT);
            }
            AlertDecisionRequest.Decision decision =
                    new AlertDecisionRequest.Decision(shown.shown().ruleId(), action, reason, comment);
            AlertTier tier = shown.shown().tier();
            if (action == AlertDecisionRequest.Action.OVERRIDDEN) {
                // "overridden" on an incomplete check's card is its acknowledgement
                OverridePolicy.enforce(
                        List.of(OverridePolicy.requirement(shown.shown().type(), tier)),
                        reason,
                        comment,
                        true,
                        FEEDBACK_POINTERS.prefixed(at));
            }
            if (alertLog.decided(shown.checkId(), shown.shown().ruleId())) {
                throw new DomainException(MedsafetyProblem.DECISION_ALREADY_DECIDED);
            }
            alertLog.recordDecision(shown.checkId(), user, shown.shown(), decision);
            if (action == AlertDecisionRequest.Action.OVERRIDDEN) {
                audit.record(new AuditEvent(
                        "MEDSAFETY_OVERRIDE",
                        "MedsafetyCheck",
                        shown.checkId().toString(),
                        shown.shown().patientId(),
                        AuditOutcome.SUCCESS,
                        "rule=" + shown.shown().ruleId() + " tier=" + tier + " reason=" + reason + " kb="
                                + shown.shown().kbVersion() + " via=cds-hooks",
                        null));
            }
        }
    }

    private static CdsServiceDiscovery.Service service(String id) {
        return CdsHooksController.DISCOVERY.services().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new DomainException(MedsafetyProblem.CDS_UNKNOWN_SERVICE, "medsafety.cds.unknown-service"));
    }
}
