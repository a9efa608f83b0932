package org.cdss.patients;

/**
 * Port to the drug knowledge base: codes the free text of an allergy substance or a medication name. Implemented by
 * the medication safety module (which depends on patients, not the other way round); without it, entries stay free
 * text.
 */
public interface SubstanceCoder {

    /** The knowledge-base code of {@code text} ({@code DBnnnnn} or {@code group:NAME}), or null when unknown. */
    String code(String text);
}
