package org.cdss.medsafety;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The codes the knowledge base holds for one ingredient (DrugBank accession, the KB's join key): its English name
 * (INN), its Korean name where a curated product has one, the RxNorm ingredient concepts (RxCUI) mapped to it by the
 * WorldVistA ANSM class table ({@code rxnorm.tsv}; only RxCUIs that name this ingredient alone) and the WHO ATC code
 * of its curated product ({@code products.tsv}), null when it has no product row.
 */
public record DrugCodes(
        String drugbankId,
        String nameEn,
        @Nullable String nameKo,
        List<String> rxcuis,
        @Nullable String atc) {}
