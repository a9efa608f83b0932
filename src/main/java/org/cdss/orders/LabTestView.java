package org.cdss.orders;

import java.math.BigDecimal;
import java.util.List;

/** A test or panel of the lab catalogue; a panel lists the codes of its member tests. */
public record LabTestView(
        String code,
        String loinc,
        String nameEn,
        String nameKo,
        String specimen,
        String unit,
        BigDecimal refLow,
        BigDecimal refHigh,
        BigDecimal criticalLow,
        BigDecimal criticalHigh,
        boolean panel,
        List<String> members) {

    public LabTestView {
        members = List.copyOf(members);
    }

    /** The same test with another reference range (the one for the patient's sex). */
    LabTestView withRange(BigDecimal low, BigDecimal high) {
        return new LabTestView(
                code, loinc, nameEn, nameKo, specimen, unit, low, high, criticalLow, criticalHigh, panel, members);
    }
}
