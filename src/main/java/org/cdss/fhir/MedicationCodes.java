package org.cdss.fhir;

import org.cdss.medsafety.DrugCodes;
import org.cdss.medsafety.MedicationSafety;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.springframework.stereotype.Component;

/**
 * The codings of a medication from the knowledge base ({@link MedicationSafety#drugCodes}): the DrugBank accession,
 * the RxNorm ingredient concepts mapped to it (WorldVistA ANSM table, ingredients only, not clinical drugs) and the
 * ATC code of its curated product, each with the English name as {@code display} and the Korean one as its
 * translation. An accession the knowledge base does not know (or a knowledge base that did not load) keeps the bare
 * DrugBank coding: nothing is guessed.
 */
@Component
class MedicationCodes {

    private final MedicationSafety safety;

    MedicationCodes(MedicationSafety safety) {
        this.safety = safety;
    }

    /** The concept for a drug: {@code text} as given (what the clinician saw), codings when the id is DrugBank's. */
    CodeableConcept concept(String drugId, String text, String fallbackDisplay) {
        CodeableConcept concept = new CodeableConcept().setText(text);
        if (drugId == null || !drugId.matches("DB\\d{5}")) {
            return concept;
        }
        DrugCodes codes = safety.drugCodes(drugId).orElse(null);
        if (codes == null) {
            concept.addCoding(FhirCodes.coding(FhirCodes.DRUGBANK, drugId, fallbackDisplay, null));
            return concept;
        }
        concept.addCoding(FhirCodes.coding(FhirCodes.DRUGBANK, drugId, codes.nameEn(), codes.nameKo()));
        for (String rxcui : codes.rxcuis()) {
            concept.addCoding(FhirCodes.coding(FhirCodes.RXNORM, rxcui, codes.nameEn(), codes.nameKo()));
        }
        if (codes.atc() != null) {
            concept.addCoding(FhirCodes.coding(FhirCodes.ATC, codes.atc(), codes.nameEn(), codes.nameKo()));
        }
        return concept;
    }
}
