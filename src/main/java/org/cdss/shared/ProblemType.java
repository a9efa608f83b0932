package org.cdss.shared;

/**
 * A stable kind of refusal. The {@code type} of a problem+json answer is {@code urn:cdss:problem:<code>} and its
 * {@code code} member is {@link #code()}: clients and tests switch on them, never on extension fields or the status
 * alone, so a code is never renamed. Each module owns the codes of its own refusals in an enum of its own
 * ({@code order.safety-blocked}, {@code patient.not-found}, …, prefixed by the module's noun); the generic ones that
 * belong to no module ({@code validation}, {@code forbidden}, …) are {@link ProblemCode}. Titles and details are
 * looked up in {@code messages*.properties} as {@code problem.<code>.title} / {@code problem.<code>.detail}.
 */
public interface ProblemType {

    /** The stable code, e.g. {@code order.safety-blocked}. */
    String code();

    /** The HTTP status this refusal answers with. */
    int status();

    default String type() {
        return "urn:cdss:problem:" + code();
    }
}
