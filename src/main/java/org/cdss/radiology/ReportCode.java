package org.cdss.radiology;

import java.util.Locale;

/**
 * What kind of report this is, as a LOINC code (FHIR DiagnosticReport.code), chosen from the order's modality and
 * body part, and whether the study is breast imaging (then a BI-RADS category is required to sign). Codes from LOINC
 * 2.78 (Radiology document ontology): 24606-6 MG Breast Screening, 24627-2 CT chest, 18747-6 CT study report, 18755-9
 * MR study report, 18760-9 US study report, 18748-4 Diagnostic imaging study (CR/DX and the rest); 24590-2 MR Breast,
 * 24601-7 US Breast.
 */
record ReportCode(String system, String code, String display, boolean breast) {

    static final String LOINC = "http://loinc.org";

    static ReportCode of(String modality, String bodyPart) {
        boolean breast = isBreast(modality, bodyPart);
        return switch (modality) {
            case "MG" -> new ReportCode(LOINC, "24606-6", "MG Breast Screening", true);
            case "MR" ->
                breast
                        ? new ReportCode(LOINC, "24590-2", "MR Breast", true)
                        : new ReportCode(LOINC, "18755-9", "MR Study report", false);
            case "US" ->
                breast
                        ? new ReportCode(LOINC, "24601-7", "US Breast", true)
                        : new ReportCode(LOINC, "18760-9", "US Study report", false);
            case "CT" -> new ReportCode(LOINC, "18747-6", "CT Study report", breast);
            default -> new ReportCode(LOINC, "18748-4", "Diagnostic imaging study", breast);
        };
    }

    /**
     * Breast imaging: mammography, or a study whose body part names the breast (English, Korean or the DICOM body
     * part {@code BREAST}).
     */
    static boolean isBreast(String modality, String bodyPart) {
        if ("MG".equals(modality)) {
            return true;
        }
        String part = bodyPart == null ? "" : bodyPart.toLowerCase(Locale.ROOT);
        return part.contains("breast") || part.contains("mamm") || part.contains("유방");
    }
}
