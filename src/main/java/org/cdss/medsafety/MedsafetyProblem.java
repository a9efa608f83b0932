package org.cdss.medsafety;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the medication safety module's own rules (issue 10 item 9). Titles and details are
 * {@code problem.<code>.title} / {@code .detail} in {@code messages*.properties}; clients and tests switch on the
 * code, never on the status or extension members alone.
 */
public enum MedsafetyProblem implements ProblemType {
    /** An override of a hard-stop or interruptive alert without a coded reason ({@link OverridePolicy}). */
    OVERRIDE_REASON_REQUIRED("medsafety.override-reason-required", 422),
    /** An override whose reason needs free text (any reason for a hard stop, OTHER otherwise) without it. */
    OVERRIDE_COMMENT_REQUIRED("medsafety.override-comment-required", 422),
    /** Going on with an incomplete check without acknowledging that it is incomplete. */
    INCOMPLETE_ACKNOWLEDGEMENT_REQUIRED("medsafety.incomplete-acknowledgement-required", 422),
    /** A decision names a rule the check did not show (or names it twice). */
    DECISION_UNKNOWN_RULE("medsafety.decision-unknown-rule", 422),
    /** A decision on an alert that already has one. */
    DECISION_ALREADY_DECIDED("medsafety.decision-already-decided", 409),
    /**
     * The knowledge base did not load: drug search, the KB browser and order entry's drug lookup cannot answer (a
     * check still answers, with an INCOMPLETE alert).
     */
    KB_UNAVAILABLE("medsafety.kb-unavailable", 503),
    /** A check id that does not exist or is another user's (decisions). */
    CHECK_NOT_FOUND("medsafety.check-not-found", 404),
    /** A CDS Hooks card uuid that does not exist or was shown to someone else (feedback). */
    CDS_CARD_NOT_FOUND("medsafety.cds-card-not-found", 404),
    /** A DrugBank accession the knowledge base does not know (KB browser). */
    INGREDIENT_NOT_FOUND("medsafety.ingredient-not-found", 404),
    /** A CDS Hooks service id that does not exist. */
    CDS_UNKNOWN_SERVICE("medsafety.cds-unknown-service", 404),
    /** A CDS Hooks call without the prefetch this service needs (it never queries the FHIR server itself). */
    CDS_PREFETCH_MISSING("medsafety.cds-prefetch-missing", 412);

    private final String code;
    private final int status;

    MedsafetyProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
