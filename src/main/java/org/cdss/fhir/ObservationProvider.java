package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderDetailView.LabResultView;
import org.cdss.orders.OrderFilter;
import org.cdss.orders.OrderQueries;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderType;
import org.cdss.records.RecordQueries;
import org.cdss.records.RecordViews.VitalsView;
import org.cdss.shared.DomainException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * {@code Observation}: vital signs ({@link RecordQueries#vitalSigns}, one Observation per measurement as the R4
 * vital-signs profile wants, id {@code vs-<kind>-<id>}) and lab results of completed lab orders
 * ({@link OrderQueries#detail}, id {@code lab-<order>-<n>}) with reference range and interpretation; LOINC codes and
 * UCUM units. A caller who may read vitals but not orders (a patient) gets the vitals of an uncategorised search.
 */
@Component
class ObservationProvider implements IResourceProvider {

    private static final int MAX_LAB_ORDERS = 200;

    private final RecordQueries records;
    private final OrderQueries orders;

    ObservationProvider(RecordQueries records, OrderQueries orders) {
        this.records = records;
        this.orders = orders;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        String value = id.getIdPart();
        if (value.startsWith("vs-")) {
            int dash = value.indexOf('-', 3);
            if (dash < 0) {
                throw new ResourceNotFoundException(id);
            }
            String kind = value.substring(3, dash);
            UUID vitalsId = FhirSearch.uuid(value.substring(dash + 1), "Observation");
            UUID encounter = records.encounterOf(vitalsId).orElseThrow(() -> new ResourceNotFoundException(id));
            var detail = records.encounter(encounter);
            return detail.vitals().stream()
                    .filter(v -> v.id().equals(vitalsId))
                    .flatMap(v -> vitals(detail.encounter().patientId(), v).stream())
                    .filter(o -> o.getIdElement().getIdPart().equals("vs-" + kind + "-" + vitalsId))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }
        if (value.startsWith("lab-") && value.length() > 41) {
            UUID order = FhirSearch.uuid(value.substring(4, 40), "Observation");
            return labs(orders.detail(order)).stream()
                    .filter(o -> o.getIdElement().getIdPart().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }
        throw new ResourceNotFoundException(id);
    }

    @Search
    public List<Observation> search(
            @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        UUID patientId = FhirSearch.patient(patient);
        List<Observation> all = new ArrayList<>();
        boolean anyCategory =
                category == null || category.getValuesAsQueryTokens().isEmpty();
        if (FhirSearch.matchesCode(category, "vital-signs")) {
            records.vitalSigns(patientId).forEach(v -> all.addAll(vitals(patientId, v)));
        }
        if (FhirSearch.matchesCode(category, "laboratory")) {
            try {
                var page = orders.list(
                        new OrderFilter(
                                OrderType.LAB_TEST, OrderStatus.COMPLETED, null, null, patientId, null, null, null),
                        0,
                        MAX_LAB_ORDERS);
                for (var order : page.content()) {
                    all.addAll(labs(orders.detail(order.id())));
                }
            } catch (DomainException | AccessDeniedException refused) {
                if (!anyCategory) {
                    throw refused;
                }
                // the orders module does not let this caller read orders: the vitals alone, as in the chart
            }
        }
        return FhirSearch.lastUpdated(
                all.stream()
                        .filter(o -> FhirSearch.matches(code, o.getCode()))
                        .filter(o ->
                                FhirSearch.in(date, o.getEffectiveDateTimeType().getValue()))
                        .toList(),
                lastUpdated);
    }

    static List<Observation> vitals(UUID patientId, VitalsView v) {
        List<Observation> out = new ArrayList<>();
        if (v.systolic() != null && v.diastolic() != null) {
            Observation bp = vital(patientId, v, "bp", "85354-9", "Blood pressure panel with all children optional");
            bp.addComponent()
                    .setCode(FhirCodes.loinc("8480-6", "Systolic blood pressure"))
                    .setValue(FhirCodes.ucum(BigDecimal.valueOf(v.systolic()), "mmHg"));
            bp.addComponent()
                    .setCode(FhirCodes.loinc("8462-4", "Diastolic blood pressure"))
                    .setValue(FhirCodes.ucum(BigDecimal.valueOf(v.diastolic()), "mmHg"));
            out.add(bp);
        }
        add(out, patientId, v, "hr", "8867-4", "Heart rate", number(v.heartRate()), "/min");
        add(out, patientId, v, "rr", "9279-1", "Respiratory rate", number(v.respiratoryRate()), "/min");
        add(out, patientId, v, "temp", "8310-5", "Body temperature", v.temperatureC(), "Cel");
        add(
                out,
                patientId,
                v,
                "spo2",
                "59408-5",
                "Oxygen saturation in Arterial blood by Pulse oximetry",
                number(v.spo2()),
                "%");
        add(out, patientId, v, "ht", "8302-2", "Body height", v.heightCm(), "cm");
        add(out, patientId, v, "wt", "29463-7", "Body weight", v.weightKg(), "kg");
        add(out, patientId, v, "bmi", "39156-5", "Body mass index (BMI) [Ratio]", v.bmi(), "kg/m2");
        return out;
    }

    private static BigDecimal number(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static void add(
            List<Observation> out,
            UUID patientId,
            VitalsView v,
            String kind,
            String loinc,
            String display,
            BigDecimal value,
            String unit) {
        if (value == null) {
            return;
        }
        Observation o = vital(patientId, v, kind, loinc, display);
        o.setValue(FhirCodes.ucum(value, unit));
        if (kind.equals("spo2")) {
            o.getCode().addCoding(new Coding(FhirCodes.LOINC, "2708-6", "Oxygen saturation in Arterial blood"));
        }
        out.add(o);
    }

    private static Observation vital(UUID patientId, VitalsView v, String kind, String loinc, String display) {
        Observation o = new Observation();
        o.setId(new IdType("Observation", "vs-" + kind + "-" + v.id()));
        o.getMeta().setLastUpdated(FhirSearch.date(v.measuredAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirCodes.OBS_CATEGORY, "vital-signs", "Vital Signs")));
        o.setCode(FhirCodes.loinc(loinc, display));
        o.setSubject(FhirSearch.ref("Patient", patientId, null));
        o.setEncounter(FhirSearch.ref("Encounter", v.encounterId(), null));
        o.setEffective(new DateTimeType(FhirSearch.date(v.measuredAt())));
        if (v.recordedBy() != null) {
            o.addPerformer(new Reference().setDisplay(v.recordedBy()));
        }
        return o;
    }

    static List<Observation> labs(OrderDetailView detail) {
        List<Observation> out = new ArrayList<>();
        List<LabResultView> results = detail.results();
        for (int i = 0; i < results.size(); i++) {
            out.add(lab(detail, results.get(i), i));
        }
        return out;
    }

    private static Observation lab(OrderDetailView detail, LabResultView r, int index) {
        var order = detail.order();
        Observation o = new Observation();
        o.setId(new IdType("Observation", "lab-" + order.id() + "-" + index));
        o.getMeta().setLastUpdated(FhirSearch.date(r.enteredAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirCodes.OBS_CATEGORY, "laboratory", "Laboratory")));
        CodeableConcept code = new CodeableConcept().setText(r.name());
        if (r.loinc() != null && !r.loinc().isBlank()) {
            code.addCoding(new Coding(FhirCodes.LOINC, r.loinc(), r.name()));
        }
        code.addCoding(new Coding(FhirCodes.LAB_CATALOGUE, r.testCode(), r.name()));
        o.setCode(code);
        o.setSubject(FhirSearch.ref("Patient", order.patientId(), null));
        o.addBasedOn(FhirSearch.ref("ServiceRequest", order.id(), null));
        o.setEffective(new DateTimeType(FhirSearch.date(r.enteredAt())));
        o.setIssued(FhirSearch.date(r.enteredAt()));
        if (r.value() != null) {
            o.setValue(FhirCodes.ucum(r.value(), r.unit()));
        } else if (r.text() != null) {
            o.setValue(new org.hl7.fhir.r4.model.StringType(r.text()));
        }
        if (r.refLow() != null || r.refHigh() != null) {
            var range = o.addReferenceRange();
            if (r.refLow() != null) {
                range.setLow(quantity(r.refLow(), r.unit()));
            }
            if (r.refHigh() != null) {
                range.setHigh(quantity(r.refHigh(), r.unit()));
            }
        }
        if (r.flag() != null && r.flag() != org.cdss.orders.LabFlag.NOT_NUMERIC) {
            String[] flag = switch (r.flag()) {
                case NORMAL -> new String[] {"N", "Normal"};
                case LOW -> new String[] {"L", "Low"};
                case HIGH -> new String[] {"H", "High"};
                case CRITICAL_LOW -> new String[] {"LL", "Critical low"};
                case CRITICAL_HIGH -> new String[] {"HH", "Critical high"};
                case NOT_NUMERIC -> new String[] {"N", "Normal"};
            };
            o.addInterpretation(new CodeableConcept(new Coding(FhirCodes.INTERPRETATION, flag[0], flag[1])));
        }
        return o;
    }

    private static org.hl7.fhir.r4.model.SimpleQuantity quantity(BigDecimal value, String unit) {
        Quantity q = FhirCodes.ucum(value, unit);
        org.hl7.fhir.r4.model.SimpleQuantity s = new org.hl7.fhir.r4.model.SimpleQuantity();
        s.setValue(q.getValue()).setUnit(q.getUnit()).setSystem(q.getSystem()).setCode(q.getCode());
        return s;
    }
}
