package org.cdss.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.medsafety.DrugSuggestion;
import org.cdss.medsafety.MedicationSafety;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * The content of an order form checked against its type and the catalogues before an order is created, edited or
 * revised: the payload of its type (and no other), a due time not in the past, a known patient, a known lab test on
 * its specimen, an orderable drug, and no second open order of the same ingredient unless intended.
 */
@Component
class OrderForms {

    private static final Duration DUE_GRACE = Duration.ofMinutes(5);

    private final PatientDirectory patients;
    private final LabCatalogue catalogue;
    private final MedicationSafety safety;
    private final OpenMedicationOrders openMedicationOrders;

    OrderForms(
            PatientDirectory patients,
            LabCatalogue catalogue,
            MedicationSafety safety,
            OpenMedicationOrders openMedicationOrders) {
        this.patients = patients;
        this.catalogue = catalogue;
        this.safety = safety;
        this.openMedicationOrders = openMedicationOrders;
    }

    /** Checks the payload against the order type and the catalogues; returns the product name of a medication. */
    String validate(OrderRequests.OrderForm form, UUID exceptOrderId, Instant now) {
        checkPayload("", form.type(), form.medication(), form.labTest(), form.imaging(), form.tissueExam());
        if (form.dueAt() != null && form.dueAt().isBefore(now.minus(DUE_GRACE))) {
            throw DomainException.field(ProblemCode.VALIDATION, "/dueAt", "order.due-in-past");
        }
        switch (patients.state(form.patientId())) {
            case UNKNOWN ->
                throw DomainException.field(OrderProblem.UNKNOWN_REFERENCE, "/patientId", "order.patient-unknown");
            case INACTIVE -> throw PatientDirectory.inactive("/patientId"); // merged or closed: order on the survivor
            case ACTIVE -> {}
        }
        return switch (form.type()) {
            case MEDICATION -> validateMedication(form, exceptOrderId);
            case LAB_TEST -> {
                LabTestView test = catalogue
                        .find(form.labTest().testCode())
                        .orElseThrow(() -> DomainException.field(
                                OrderProblem.UNKNOWN_REFERENCE, "/labTest/testCode", "order.lab-test-unknown"));
                if (form.labTest().specimen() != null
                        && !form.labTest().specimen().equals(test.specimen())) {
                    throw DomainException.field(
                            OrderProblem.UNKNOWN_REFERENCE, "/labTest/specimen", "order.lab-specimen-mismatch");
                }
                yield null;
            }
            default -> null;
        };
    }

    /**
     * Checks an order template (ADR 0038) as an order form is checked, except for the patient, the due time and
     * duplicates (they belong to ordering); {@code at} is the JSON pointer of the template in the request. Returns
     * the name of what is ordered in English and Korean: the product, the lab test, the body part or the specimen.
     */
    ItemName validateTemplate(OrderRequests.OrderTemplate template, String at) {
        checkPayload(
                at,
                template.type(),
                template.medication(),
                template.labTest(),
                template.imaging(),
                template.tissueExam());
        return switch (template.type()) {
            case MEDICATION -> {
                DrugSuggestion drug = safety.orderableProduct(
                                template.medication().drugId())
                        .orElseThrow(() -> DomainException.field(
                                OrderProblem.UNKNOWN_REFERENCE, at + "/medication/drugId", "order.drug-unknown"));
                yield new ItemName(drug.nameEn(), drug.nameKo());
            }
            case LAB_TEST -> {
                LabTestView test = catalogue
                        .find(template.labTest().testCode())
                        .orElseThrow(() -> DomainException.field(
                                OrderProblem.UNKNOWN_REFERENCE, at + "/labTest/testCode", "order.lab-test-unknown"));
                if (template.labTest().specimen() != null
                        && !template.labTest().specimen().equals(test.specimen())) {
                    throw DomainException.field(
                            OrderProblem.UNKNOWN_REFERENCE, at + "/labTest/specimen", "order.lab-specimen-mismatch");
                }
                yield new ItemName(test.nameEn(), test.nameKo());
            }
            case IMAGING ->
                ItemName.same(template.imaging().modality().name() + " "
                        + template.imaging().bodyPart());
            case TISSUE_EXAM -> ItemName.same(template.tissueExam().specimen());
        };
    }

    /** What a template orders, by name in English and Korean (the UI shows the reader's). */
    record ItemName(String en, String ko) {
        static ItemName same(String name) {
            return new ItemName(name, name);
        }
    }

    private static void checkPayload(
            String at, OrderType expected, Object medication, Object labTest, Object imaging, Object tissueExam) {
        Map<OrderType, Object> payloads = new LinkedHashMap<>();
        payloads.put(OrderType.MEDICATION, medication);
        payloads.put(OrderType.LAB_TEST, labTest);
        payloads.put(OrderType.IMAGING, imaging);
        payloads.put(OrderType.TISSUE_EXAM, tissueExam);
        List<FieldProblem> problems = new ArrayList<>();
        payloads.forEach((type, payload) -> {
            String pointer = at + "/" + pointerName(type);
            if (type == expected && payload == null) {
                problems.add(new FieldProblem(pointer, "order.payload-required"));
            } else if (type != expected && payload != null) {
                problems.add(new FieldProblem(pointer, "order.payload-wrong-type"));
            }
        });
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION, "order.payload-mismatch", problems);
        }
    }

    private String validateMedication(OrderRequests.OrderForm form, UUID exceptOrderId) {
        DrugSuggestion product = safety.orderableProduct(form.medication().drugId())
                .orElseThrow(() -> DomainException.field(
                        OrderProblem.UNKNOWN_REFERENCE, "/medication/drugId", "order.drug-unknown"));
        List<String> open = openMedicationOrders.openOrdersOfDrug(form.patientId(), product.id(), exceptOrderId);
        if (!open.isEmpty() && !form.duplicateIntended()) {
            throw new DomainException(
                            OrderProblem.DUPLICATE_INGREDIENT,
                            "order.duplicate-medication",
                            List.of(new FieldProblem("/intendedDuplicate", "order.duplicate-medication")))
                    .with("duplicates", open);
        }
        return product.nameEn();
    }

    private static String pointerName(OrderType type) {
        return switch (type) {
            case MEDICATION -> "medication";
            case LAB_TEST -> "labTest";
            case IMAGING -> "imaging";
            case TISSUE_EXAM -> "tissueExam";
        };
    }
}
