package org.cdss.medsafety;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Dosage written with its STU3 fields ("doseQuantity", "doseRange", "rateQuantity", "rateRatio",
 * "rateRange" on the Dosage itself) as R4 does ({@code Dosage.doseAndRate}, FHIR R4 Dosage, changes from STU3).
 * The CDS Hooks specification's own order-sign R4 example sends its dose that way; a strict R4 parser refuses it
 * ("Unknown element 'doseQuantity'"), and a lenient one would drop the dose without a word. Only a Dosage without
 * {@code doseAndRate} is rewritten; everything else is left to the strict parser.
 */
final class Stu3DosageFields {

    private static final List<String> FIELDS =
            List.of("doseRange", "doseQuantity", "rateRatio", "rateRange", "rateQuantity");

    private Stu3DosageFields() {}

    /** A copy of a Bundle of orders with each STU3-shaped Dosage moved into {@code doseAndRate}. */
    static JsonNode inR4Shape(JsonNode bundle) {
        JsonNode copy = bundle.deepCopy();
        for (JsonNode entry : copy.path("entry")) {
            for (JsonNode dosage : entry.path("resource").path("dosageInstruction")) {
                if (dosage instanceof ObjectNode d && !d.has("doseAndRate")) {
                    ObjectNode moved = null;
                    for (String field : FIELDS) {
                        if (d.has(field)) {
                            if (moved == null) {
                                moved = d.putArray("doseAndRate").addObject();
                            }
                            moved.set(field, d.remove(field));
                        }
                    }
                }
            }
        }
        return copy;
    }
}
