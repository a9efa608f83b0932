package org.cdss.medsafety;

import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.patients.SubstanceCoder;
import org.springframework.stereotype.Component;

/** Codes the allergies and medications recorded in the patients module against the drug knowledge base. */
@Component
class KnowledgeBaseSubstanceCoder implements SubstanceCoder {

    private final SafetyEngine engine;

    KnowledgeBaseSubstanceCoder(SafetyEngine engine) {
        this.engine = engine;
    }

    @Override
    public String code(String text) {
        return engine.codeSubstance(text);
    }
}
