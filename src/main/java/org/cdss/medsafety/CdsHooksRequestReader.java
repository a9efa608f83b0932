package org.cdss.medsafety;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.shared.DomainException;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.ProblemCode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a CDS Hooks 2.0 request (order-select / order-sign) into a {@link MedicationCheckRequest}. The envelope is
 * read as a Jackson 3 tree; each FHIR resource is handed, as JSON text, to HAPI FHIR's R4 parser with a strict
 * error handler (a malformed order is refused, never half read). Drugs and allergens are recognised by the codings
 * the knowledge base maps (DrugBank accession, ATC from the curated products, RxNorm ingredient RxCUI), failing that
 * by {@code CodeableConcept.text} or a coding's display name (an RxNorm clinical or branded drug name is read into
 * its ingredients), and the names so recognised are reported so that the
 * cards can say "identified by name only". The patient's age (from {@code Patient.birthDate}, on the hospital's
 * calendar) and the latest body weight of the last {@value MedicationSafety#WEIGHT_MAX_AGE_DAYS} days (optional
 * prefetch {@code weight}) select the dose limits of the age band, as on the order path ({@link MedicationSafety}).
 */
@Component
class CdsHooksRequestReader {

    static final Set<String> DRUGBANK_SYSTEMS = Set.of(
            "http://www.drugbank.ca",
            "https://www.drugbank.ca",
            "http://drugbank.ca",
            "https://go.drugbank.com",
            "http://go.drugbank.com");
    static final String ATC_SYSTEM = "http://www.whocc.no/atc";
    static final String RXNORM_SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final List<String> PREFETCH_KEYS = List.of("patient", "allergies", "medications");
    /** Optional prefetch: a Bundle of body weight Observations (without it a child's dose cannot be checked). */
    static final String WEIGHT_KEY = "weight";

    static final String LOINC = "http://loinc.org";
    /** Body weight (the FHIR vital signs profile's code) and body weight measured. */
    static final Set<String> BODY_WEIGHT_CODES = Set.of("29463-7", "3141-9");
    /** Same bounds as {@link MedicationCheckRequest}'s age and weight. */
    private static final int MAX_AGE_YEARS = 150;

    private static final double MAX_WEIGHT_KG = 500;
    private static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private static final String ALLERGY_VERIFICATION =
            "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    /** Created once: building a FHIR context scans the whole R4 model. */
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final SafetyEngine engine;
    private final Clock clock;
    private final HospitalZone zone;

    CdsHooksRequestReader(SafetyEngine engine, Clock clock, HospitalZone zone) {
        this.engine = engine;
        this.clock = clock;
        this.zone = zone;
    }

    /** What was read: the check to run, the drug names recognised by name only, and whether there is an order. */
    record Read(MedicationCheckRequest request, List<String> identifiedByNameOnly) {
        boolean noOrders() {
            return request.proposed().isEmpty();
        }
    }

    /**
     * Everything the check reads must be of the context's patient: the prefetched Patient, the allergies, the
     * medications, the weight and the draft orders. A client that mixed two patients (a stale prefetch, a tab with
     * another chart) would otherwise get a check of one patient's orders against another's allergies — alerts
     * missed — with no error. A reference left out is not refused (the resources are then taken as the patient's).
     */
    private static void samePatient(
            JsonNode context, Patient patient, Bundle drafts, Bundle allergies, Bundle medications) {
        String patientId = context.path("patientId").asString("");
        if (patientId.isBlank()) {
            throw DomainException.invalidField("/context/patientId", "medsafety.cds.required");
        }
        if (patient.getIdElement().hasIdPart()
                && !patientId.equals(patient.getIdElement().getIdPart())) {
            throw DomainException.invalidField("/prefetch/patient", "medsafety.cds.patient-mismatch");
        }
        for (MedicationRequest order : resources(drafts, MedicationRequest.class)) {
            requireSame(patientId, order.getSubject(), "/context/draftOrders");
        }
        for (AllergyIntolerance allergy : resources(allergies, AllergyIntolerance.class)) {
            requireSame(patientId, allergy.getPatient(), "/prefetch/allergies");
        }
        for (MedicationRequest taken : resources(medications, MedicationRequest.class)) {
            requireSame(patientId, taken.getSubject(), "/prefetch/medications");
        }
        for (MedicationStatement statement : resources(medications, MedicationStatement.class)) {
            requireSame(patientId, statement.getSubject(), "/prefetch/medications");
        }
    }

    private static void requireSame(String patientId, org.hl7.fhir.r4.model.Reference reference, String pointer) {
        if (reference != null && reference.hasReference()) {
            String id = reference.getReferenceElement().getIdPart();
            if (id != null && !id.equals(patientId)) {
                throw DomainException.invalidField(pointer, "medsafety.cds.patient-mismatch");
            }
        }
    }

    Read read(String hook, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalidField("", "medsafety.cds.required");
        }
        if (!hook.equals(body.path("hook").asString(""))) {
            throw DomainException.invalidField("/hook", "medsafety.cds.wrong-hook", hook);
        }
        if (body.path("hookInstance").asString("").isBlank()) {
            throw DomainException.invalidField("/hookInstance", "medsafety.cds.required");
        }
        JsonNode context = body.path("context");
        if (!context.path("draftOrders").isObject()) {
            throw DomainException.invalidField("/context/draftOrders", "medsafety.cds.required");
        }
        JsonNode prefetch = body.path("prefetch");
        List<String> missing =
                PREFETCH_KEYS.stream().filter(k -> !prefetch.path(k).isObject()).toList();
        if (!missing.isEmpty()) {
            throw new DomainException(
                    MedsafetyProblem.CDS_PREFETCH_MISSING,
                    "medsafety.cds.missing-prefetch",
                    String.join(", ", missing));
        }
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle drafts = parse(
                parser, Bundle.class, Stu3DosageFields.inR4Shape(context.path("draftOrders")), "/context/draftOrders");
        Patient patient = parse(parser, Patient.class, prefetch.path("patient"), "/prefetch/patient");
        Bundle allergies = parse(parser, Bundle.class, prefetch.path("allergies"), "/prefetch/allergies");
        Bundle medications = parse(parser, Bundle.class, prefetch.path("medications"), "/prefetch/medications");

        samePatient(context, patient, drafts, allergies, medications);

        Set<String> selections = new LinkedHashSet<>();
        context.path("selections").forEach(s -> selections.add(s.asString("")));
        List<String> byName = new ArrayList<>();
        List<ProposedDrug> proposed = new ArrayList<>();
        List<ActiveMedication> active = new ArrayList<>();
        for (MedicationRequest order : resources(drafts, MedicationRequest.class)) {
            // order-select: only the selected drafts are new; the other drafts of the order set count as taken
            boolean selected = selections.isEmpty()
                    || selections.contains(
                            "MedicationRequest/" + order.getIdElement().getIdPart());
            for (Recognised drug : recognise(order)) {
                if (drug.byName() != null) {
                    byName.add(drug.byName());
                }
                if (selected) {
                    proposed.add(
                            drug.components() > 1
                                    ? new ProposedDrug(drug.id(), drug.name(), null, null, null)
                                    : dosed(drug, order));
                } else {
                    active.add(new ActiveMedication(drug.id(), drug.name()));
                }
            }
        }
        if (proposed.size() > MedicationCheckRequest.MAX_PROPOSED) {
            throw DomainException.invalidField(
                    "/context/draftOrders", "medsafety.too-many", MedicationCheckRequest.MAX_PROPOSED);
        }
        for (MedicationRequest taken : resources(medications, MedicationRequest.class)) {
            if (taken.getStatus() != null && taken.getStatus() != MedicationRequest.MedicationRequestStatus.ACTIVE) {
                continue;
            }
            for (Recognised drug : recognise(taken)) {
                active.add(new ActiveMedication(drug.id(), drug.name()));
            }
        }
        // the patient's medication list (what they take, prescribed here or not) counts as taken too (ADR 0033)
        for (MedicationStatement statement : resources(medications, MedicationStatement.class)) {
            if (statement.getStatus() != null
                    && statement.getStatus() != MedicationStatement.MedicationStatementStatus.ACTIVE) {
                continue;
            }
            MedicationRequest taken = new MedicationRequest().setMedication(statement.getMedication());
            statement.getContained().forEach(taken::addContained);
            for (Recognised drug : recognise(taken)) {
                active.add(new ActiveMedication(drug.id(), drug.name()));
            }
        }
        List<RecordedAllergy> recorded = new ArrayList<>();
        for (AllergyIntolerance allergy : resources(allergies, AllergyIntolerance.class)) {
            if (allergyApplies(allergy)) {
                recorded.add(withReaction(allergen(allergy.getCode()), allergy));
            }
        }
        Double weight = null;
        JsonNode weights = prefetch.path(WEIGHT_KEY);
        if (!weights.isMissingNode() && !weights.isNull()) { // CDS Hooks: null = the client could not prefetch it
            Bundle measured = parse(parser, Bundle.class, weights, "/prefetch/" + WEIGHT_KEY);
            for (org.hl7.fhir.r4.model.Observation o : resources(measured, org.hl7.fhir.r4.model.Observation.class)) {
                requireSame(context.path("patientId").asString(""), o.getSubject(), "/prefetch/" + WEIGHT_KEY);
            }
            weight = weightKg(measured);
        }
        return new Read(
                new MedicationCheckRequest(
                        null,
                        proposed,
                        active.stream().limit(MedicationCheckRequest.MAX_ACTIVE).toList(),
                        recorded.stream()
                                .limit(MedicationCheckRequest.MAX_ALLERGIES)
                                .toList(),
                        ageYears(patient),
                        weight),
                List.copyOf(new LinkedHashSet<>(byName)));
    }

    /**
     * The patient's age in completed years on the hospital's calendar, or null without a birth date (adult limits,
     * as on the order path). A birth date given to the year or month only spans ages that may straddle an age band;
     * then the more cautious band is taken: a possible 65-year-old is elderly, a possible 17-year-old a child.
     */
    private Integer ageYears(Patient patient) {
        String birth = patient.getBirthDateElement().getValueAsString();
        if (birth == null || birth.isBlank()) {
            return null;
        }
        LocalDate earliest;
        LocalDate latest;
        LocalDate today = MedicationSafety.today(clock, zone);
        try {
            if (birth.length() == 4) {
                earliest = Year.parse(birth).atDay(1);
                latest = Year.parse(birth).atMonth(12).atEndOfMonth();
            } else if (birth.length() == 7) {
                earliest = YearMonth.parse(birth).atDay(1);
                latest = YearMonth.parse(birth).atEndOfMonth();
            } else {
                earliest = LocalDate.parse(birth);
                latest = earliest;
            }
        } catch (DateTimeException e) {
            throw DomainException.invalidField("/prefetch/patient/birthDate", "medsafety.cds.bad-birth-date", birth);
        }
        if (earliest.isAfter(today) || earliest.isBefore(today.minusYears(MAX_AGE_YEARS + 1L))) {
            throw DomainException.invalidField("/prefetch/patient/birthDate", "medsafety.cds.bad-birth-date", birth);
        }
        int oldest = MedicationSafety.ageYears(earliest, today);
        int youngest = MedicationSafety.ageYears(latest.isAfter(today) ? today : latest, today);
        return oldest >= 65 ? oldest : youngest;
    }

    /**
     * The latest body weight (LOINC {@link #BODY_WEIGHT_CODES}) measured in the last
     * {@value MedicationSafety#WEIGHT_MAX_AGE_DAYS} days, in kg, or null when there is none: as the order path uses
     * the recorded vital signs. Observations entered in error or cancelled, without a time or without a value
     * (data absent) are skipped; a value that is not a mass of at most 500 kg is refused (400).
     */
    private Double weightKg(Bundle bundle) {
        Instant since = clock.instant().minus(Duration.ofDays(MedicationSafety.WEIGHT_MAX_AGE_DAYS));
        Quantity latest = null;
        Instant latestAt = null;
        for (Observation o : resources(bundle, Observation.class)) {
            Instant at = effective(o);
            if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || o.getStatus() == Observation.ObservationStatus.CANCELLED
                    || BODY_WEIGHT_CODES.stream().noneMatch(code -> o.getCode().hasCoding(LOINC, code))
                    || at == null
                    || at.isBefore(since)
                    || !o.hasValueQuantity()
                    || !o.getValueQuantity().hasValue()) {
                continue;
            }
            if (latestAt == null || at.isAfter(latestAt)) {
                latest = o.getValueQuantity();
                latestAt = at;
            }
        }
        if (latest == null) {
            return null;
        }
        String unit = (latest.hasCode() ? latest.getCode() : latest.hasUnit() ? latest.getUnit() : "")
                .strip()
                .toLowerCase(Locale.ROOT);
        double value = latest.getValue().doubleValue();
        double kg = switch (unit) {
            case "kg" -> value;
            case "g" -> value / 1000;
            case "[lb_av]", "lb", "lbs" -> value * 0.45359237;
            default -> Double.NaN;
        };
        if (!(kg > 0 && kg <= MAX_WEIGHT_KG)) {
            throw DomainException.invalidField(
                    "/prefetch/" + WEIGHT_KEY,
                    "medsafety.cds.bad-weight",
                    latest.getValue().toPlainString() + " " + unit);
        }
        return kg;
    }

    /** When the observation was made: effective dateTime or instant, else the end (or start) of its period. */
    private Instant effective(Observation o) {
        BaseDateTimeType at = null;
        if (o.hasEffectiveDateTimeType()) {
            at = o.getEffectiveDateTimeType();
        } else if (o.hasEffectiveInstantType()) {
            at = o.getEffectiveInstantType();
        } else if (o.hasEffectivePeriod()) {
            at = o.getEffectivePeriod().hasEnd()
                    ? o.getEffectivePeriod().getEndElement()
                    : o.getEffectivePeriod().getStartElement();
        }
        String text = at == null ? null : at.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        // With a time FHIR requires an offset; a date alone (or a month, a year) is read as its first day, local.
        try {
            return switch (text.length()) {
                case 4 -> Year.parse(text).atDay(1).atStartOfDay(zone.zoneId()).toInstant();
                case 7 ->
                    YearMonth.parse(text).atDay(1).atStartOfDay(zone.zoneId()).toInstant();
                case 10 -> LocalDate.parse(text).atStartOfDay(zone.zoneId()).toInstant();
                default -> OffsetDateTime.parse(text).toInstant();
            };
        } catch (DateTimeException e) {
            throw new DomainException(
                    ProblemCode.VALIDATION,
                    "medsafety.cds.malformed-fhir",
                    List.of(new DomainException.FieldProblem(
                            "/prefetch/" + WEIGHT_KEY,
                            "medsafety.cds.malformed-fhir",
                            "Observation",
                            "effective " + text)),
                    "Observation",
                    "effective " + text);
        }
    }

    /** A drug of an order: DrugBank accession when a coding gave it, else a name; {@code byName} when by name. */
    private record Recognised(String id, String name, String byName, int components) {}

    private List<Recognised> recognise(MedicationRequest order) {
        CodeableConcept concept = null;
        Medication medication = null;
        if (order.hasMedicationCodeableConcept()) {
            concept = order.getMedicationCodeableConcept();
        } else if (order.hasMedicationReference()) {
            IBaseResource target = order.getMedicationReference().getResource();
            String ref = order.getMedicationReference().getReference();
            if (target instanceof Medication m) {
                medication = m;
            } else if (ref != null && ref.startsWith("#")) {
                for (Resource contained : order.getContained()) {
                    if (contained instanceof Medication m
                            && ref.substring(1)
                                    .equals(contained.getIdElement().getIdPart().replace("#", ""))) {
                        medication = m;
                    }
                }
            }
            concept = medication != null
                    ? medication.getCode()
                    : new CodeableConcept()
                            .setText(order.getMedicationReference().getDisplay());
        }
        Recognised whole = recognise(concept);
        if (whole.id() == null && whole.byName() == null && concept != null) {
            List<Recognised> parsed = byRxNormName(concept);
            if (!parsed.isEmpty()) {
                return parsed;
            }
        }
        if (whole.id() == null
                && medication != null
                && medication.getIngredient().size() > 1) {
            List<Recognised> parts = new ArrayList<>();
            for (Medication.MedicationIngredientComponent i : medication.getIngredient()) {
                if (i.hasItemCodeableConcept()) {
                    Recognised r = recognise(i.getItemCodeableConcept());
                    parts.add(new Recognised(
                            r.id(),
                            r.name(),
                            r.byName(),
                            medication.getIngredient().size()));
                }
            }
            if (!parts.isEmpty()) {
                return parts;
            }
        }
        return List.of(whole);
    }

    private Recognised recognise(CodeableConcept concept) {
        if (concept == null) {
            return new Recognised(null, "(no medication)", null, 1);
        }
        String name = name(concept);
        String id = codedIngredient(concept);
        if (id != null) {
            return new Recognised(id, name != null ? name : id, null, 1);
        }
        if (name == null) {
            Coding first = concept.getCodingFirstRep();
            name = first.hasCode() ? first.getSystem() + "|" + first.getCode() : "(no medication)";
            return new Recognised(null, name, null, 1);
        }
        boolean known = engine.codeSubstance(name) != null || engine.isCombination(name);
        return new Recognised(null, name, known ? name : null, 1);
    }

    /**
     * A product the codings do not map (an RxNorm clinical or branded drug such as 617993), read from its RxNorm
     * normalised name ({@link RxNormNames}) in the text or a coding's display: a known combination of the
     * ingredients, else each ingredient when the knowledge base knows them all; empty otherwise (check incomplete).
     */
    private List<Recognised> byRxNormName(CodeableConcept concept) {
        List<String> candidates = new ArrayList<>();
        if (concept.hasText()) {
            candidates.add(concept.getText().strip());
        }
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay()) {
                candidates.add(c.getDisplay().strip());
            }
        }
        for (String candidate : candidates) {
            List<String> parts = RxNormNames.ingredients(candidate);
            if (parts.isEmpty()) {
                continue;
            }
            String joined = String.join(" / ", parts);
            if (parts.size() > 1 && engine.isCombination(joined)) {
                return List.of(new Recognised(null, joined, candidate, 1));
            }
            if (parts.stream().allMatch(p -> engine.codeSubstance(p) != null)) {
                return parts.stream()
                        .map(p -> new Recognised(null, p, candidate, parts.size()))
                        .toList();
            }
        }
        return List.of();
    }

    /**
     * DrugBank accession, ATC code or RxNorm ingredient concept (RxCUI) the knowledge base maps; RxNorm products
     * (clinical and branded drugs) are read by name ({@link #byRxNormName}), other systems are not mapped.
     */
    private String codedIngredient(CodeableConcept concept) {
        for (Coding c : concept.getCoding()) {
            String system = c.getSystem() == null ? "" : c.getSystem().strip().toLowerCase(Locale.ROOT);
            String id = null;
            if (DRUGBANK_SYSTEMS.contains(system.replaceAll("/+$", ""))) {
                id = engine.knownIngredient(c.getCode());
            } else if (ATC_SYSTEM.equals(system)) {
                id = engine.ingredientForAtc(c.getCode());
            } else if (RXNORM_SYSTEM.equals(system)) {
                id = engine.ingredientForRxcui(c.getCode());
            }
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String name(CodeableConcept concept) {
        if (concept.hasText() && !concept.getText().isBlank()) {
            return concept.getText().strip();
        }
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay() && !c.getDisplay().isBlank()) {
                return c.getDisplay().strip();
            }
        }
        return null;
    }

    private RecordedAllergy allergen(CodeableConcept code) {
        String id = codedIngredient(code);
        String text = name(code);
        if (id != null) {
            return new RecordedAllergy(id, text);
        }
        // SNOMED CT (and other) allergy codings by their text and displays: "Allergy to penicillin (finding)",
        // "Amoxicillin (substance)", "Product containing sulfamethoxazole (medicinal product)" (issue 14 item 9)
        List<String> candidates = new ArrayList<>();
        if (code.hasText()) {
            candidates.add(code.getText());
        }
        code.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> candidates.add(c.getDisplay()));
        for (String candidate : candidates) {
            for (String name : SnomedAllergyNames.substances(candidate)) {
                String coded = engine.codeSubstance(name);
                if (coded != null) {
                    return new RecordedAllergy(coded, text != null ? text : candidate);
                }
            }
        }
        return RecordedAllergy.freeText(text != null ? text : "(allergy without code or text)");
    }

    /**
     * What the AllergyIntolerance says about its reactions (manifestations by text or display, the most severe
     * {@code reaction.severity}), which grades the allergy alerts (issue 14 item 6).
     */
    private static RecordedAllergy withReaction(RecordedAllergy recorded, AllergyIntolerance allergy) {
        List<String> manifestations = new ArrayList<>();
        org.cdss.patients.AllergySeverity severity = null;
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : allergy.getReaction()) {
            for (CodeableConcept m : r.getManifestation()) {
                String text = m.hasText() ? m.getText().strip() : null;
                for (Coding c : m.getCoding()) {
                    if (text == null && c.hasDisplay()) {
                        text = c.getDisplay().strip();
                    }
                }
                if (text != null && !text.isEmpty()) {
                    manifestations.add(text);
                }
            }
            if (r.hasSeverity()) {
                org.cdss.patients.AllergySeverity s = switch (r.getSeverity()) {
                    case SEVERE -> org.cdss.patients.AllergySeverity.SEVERE;
                    case MODERATE -> org.cdss.patients.AllergySeverity.MODERATE;
                    case MILD -> org.cdss.patients.AllergySeverity.MILD;
                    default -> null;
                };
                severity = s == null || (severity != null && severity.compareTo(s) > 0) ? severity : s;
            }
        }
        if (manifestations.isEmpty() && severity == null) {
            return recorded;
        }
        String reaction = String.join(", ", manifestations);
        return recorded.withReaction(
                reaction.isEmpty() ? null : reaction.substring(0, Math.min(500, reaction.length())), severity);
    }

    /** Active (or status not given), not refuted or entered in error, and a medication allergy when categorised. */
    private static boolean allergyApplies(AllergyIntolerance a) {
        if (a.hasClinicalStatus() && !a.getClinicalStatus().hasCoding(ALLERGY_CLINICAL, "active")) {
            return false;
        }
        if (a.hasVerificationStatus()
                && (a.getVerificationStatus().hasCoding(ALLERGY_VERIFICATION, "refuted")
                        || a.getVerificationStatus().hasCoding(ALLERGY_VERIFICATION, "entered-in-error"))) {
            return false;
        }
        return !a.hasCategory()
                || a.getCategory().stream()
                        .anyMatch(c -> c.getValue() == AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
    }

    /** The order's first dose quantity and daily frequency, when given. */
    private static ProposedDrug dosed(Recognised drug, MedicationRequest order) {
        Double dose = null;
        String unit = null;
        Integer perDay = null;
        if (order.hasDosageInstruction()) {
            Dosage dosage = order.getDosageInstructionFirstRep();
            for (Dosage.DosageDoseAndRateComponent d : dosage.getDoseAndRate()) {
                if (d.hasDoseQuantity() && d.getDoseQuantity().hasValue()) {
                    Quantity q = d.getDoseQuantity();
                    dose = q.getValue().doubleValue();
                    unit = q.hasUnit() ? q.getUnit() : q.getCode();
                    break;
                }
            }
            perDay = perDay(dosage.getTiming());
        }
        // "2 TAB" of "Amoxicillin 500 MG Oral Capsule": the strength in the RxNorm name makes it 1000 mg (item 9)
        RxNormNames.Strength strength = RxNormNames.countsDoseForms(unit)
                ? RxNormNames.strength(drug.byName() != null ? drug.byName() : drug.name())
                : null;
        if (dose != null && strength != null) {
            dose = dose * strength.value();
            unit = strength.unit();
        }
        return new ProposedDrug(drug.id(), drug.name(), dose != null && dose > 0 ? dose : null, unit, perDay);
    }

    private static Integer perDay(Timing timing) {
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        if (!repeat.hasFrequency() || !repeat.hasPeriod() || !repeat.hasPeriodUnit()) {
            return null;
        }
        BigDecimal period = repeat.getPeriod();
        double days = switch (repeat.getPeriodUnit()) {
            case H -> period.doubleValue() / 24;
            case D -> period.doubleValue();
            case MIN -> period.doubleValue() / 1440;
            default -> 0;
        };
        if (days <= 0) {
            return null;
        }
        long n = Math.round(repeat.getFrequency() / days);
        return n >= 1 && n <= 48 ? (int) n : null;
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (type.isInstance(e.getResource())) {
                out.add(type.cast(e.getResource()));
            }
        }
        return out;
    }

    private static <T extends IBaseResource> T parse(IParser parser, Class<T> type, JsonNode json, String pointer) {
        try {
            return parser.parseResource(type, json.toString());
        } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
            String why = String.valueOf(e.getMessage());
            String shortWhy = why.length() > 300 ? why.substring(0, 300) + "..." : why;
            throw new DomainException(
                    ProblemCode.VALIDATION,
                    "medsafety.cds.malformed-fhir",
                    List.of(new DomainException.FieldProblem(
                            pointer, "medsafety.cds.malformed-fhir", type.getSimpleName(), shortWhy)),
                    type.getSimpleName(),
                    shortWhy);
        }
    }
}
