package org.cdss.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * The code systems and identifier systems the facade writes (ADR 0030). Diagnoses carry the KCD-8 code and, where it
 * is also a WHO ICD-10 code, an ICD-10 coding; labs and vitals LOINC; quantities UCUM; medications the DrugBank
 * accession, with the RxNorm ingredient concepts and the ATC code the knowledge base maps it to
 * ({@link MedicationCodes}). Korean text goes to {@code display}/{@code text} with the English one in the {@code translation}
 * extension where both exist.
 */
final class FhirCodes {

    static final String MRN_SYSTEM = "urn:cdss:id:mrn";
    static final String RRN_SYSTEM = "urn:cdss:id:kr-rrn";
    static final String STAFF_SYSTEM = "urn:cdss:id:staff";
    static final String DEPARTMENT_SYSTEM = "urn:cdss:id:department";
    static final String ORDER_NUMBER_SYSTEM = "urn:cdss:id:order-number";
    static final String KCD_SYSTEM = "urn:cdss:codesystem:kcd-8";
    static final String ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String DRUGBANK = "http://www.drugbank.ca";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    static final String LAB_CATALOGUE = "urn:cdss:codesystem:lab-test";
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String SNOMED = "http://snomed.info/sct";
    static final String DICOM_AUDIT = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String DOCUMENT_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";

    private FhirCodes() {}

    /** A diagnosis: the KCD-8 code always, ICD-10 too when the code has the WHO form (category plus one digit). */
    static CodeableConcept diagnosis(String code, String text) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding(new Coding(KCD_SYSTEM, code, text));
        if (code.matches("^[A-Z][0-9]{2}(\\.[0-9])?$")) {
            concept.addCoding(new Coding(ICD10_SYSTEM, code, null));
        }
        concept.setText(text);
        return concept;
    }

    static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(LOINC, code, display)).setText(display);
    }

    /** A concept whose text is Korean with the English rendering as a translation (or the one we have). */
    static CodeableConcept bilingual(Coding coding, String ko, String en) {
        CodeableConcept concept = new CodeableConcept(coding);
        String text = ko != null && !ko.isBlank() ? ko : en;
        if (text != null) {
            StringType t = new StringType(text);
            if (ko != null && !ko.isBlank() && en != null && !en.isBlank() && !en.equals(ko)) {
                org.hl7.fhir.r4.model.Extension translation = t.addExtension().setUrl(TRANSLATION);
                translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("en"));
                translation.addExtension("content", new StringType(en));
            }
            concept.setTextElement(t);
        }
        return concept;
    }

    /** A coding whose display is English, with the Korean name as its translation when there is one. */
    static Coding coding(String system, String code, String en, String ko) {
        Coding coding = new Coding(system, code, en);
        if (en != null && ko != null && !ko.isBlank() && !ko.equals(en)) {
            org.hl7.fhir.r4.model.Extension translation =
                    coding.getDisplayElement().addExtension().setUrl(TRANSLATION);
            translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("ko"));
            translation.addExtension("content", new StringType(ko));
        }
        return coding;
    }

    /** The kind of every SOAP note of the records module: LOINC 34108-1 Outpatient Note (ADR 0047). */
    static CodeableConcept outpatientNoteType() {
        return bilingual(coding(LOINC, "34108-1", "Outpatient Note", "외래 진료기록"), "외래 진료기록", "Outpatient Note");
    }

    /** The document category of a note: US Core's {@code clinical-note}, the one clients search notes by. */
    static CodeableConcept clinicalNoteCategory() {
        return bilingual(
                coding(DOCUMENT_CATEGORY, "clinical-note", "Clinical Note", "임상 기록"), "임상 기록", "Clinical Note");
    }

    static Quantity ucum(BigDecimal value, String unit) {
        Quantity q = new Quantity().setValue(value).setUnit(unit);
        String code = ucumCode(unit);
        if (code != null) {
            q.setSystem(UCUM).setCode(code);
        }
        return q;
    }

    /** The UCUM code of a unit as the lab catalogue and the vitals write it; null when it has none we know. */
    static String ucumCode(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return switch (unit.strip()) {
            case "mmHg", "mm[Hg]" -> "mm[Hg]";
            case "bpm", "/min", "beats/min", "breaths/min" -> "/min";
            case "°C", "C", "Cel" -> "Cel";
            case "10^3/uL", "x10^3/uL" -> "10*3/uL";
            case "10^6/uL", "x10^6/uL" -> "10*6/uL";
            case "kg/m²", "kg/m2" -> "kg/m2";
            case "mIU/L" -> "m[IU]/L";
            case "IU" -> "[IU]";
            case "mcg" -> "ug";
            case "unit" -> "U";
            case "drop" -> "[drp]";
            case "tablet", "capsule", "puff" -> "{" + unit.strip() + "}";
            case "%", "g/dL", "mg/dL", "mg/L", "mmol/L", "ng/mL", "U/L", "mg", "g", "mL", "cm", "kg" -> unit.strip();
            default -> null;
        };
    }
}
