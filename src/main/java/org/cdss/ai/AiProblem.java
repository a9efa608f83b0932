package org.cdss.ai;

import org.cdss.shared.ProblemType;

/** The refusals of the AI module. Titles and details: {@code problem.<code>.*} in {@code messages*.properties}. */
public enum AiProblem implements ProblemType {
    /** A model id that is not loaded (unknown, or rejected at start-up: see readiness). */
    MODEL_NOT_FOUND("ai.model-not-found", 404),
    /** The lung-risk model did not load (invalid card or checksum): predictions cannot be made. */
    MODEL_UNAVAILABLE("ai.model-unavailable", 503),
    /** A patient that does not exist, or whose chart the caller may not read. */
    PATIENT_NOT_FOUND("ai.patient-not-found", 404),
    /** A suggestion that does not exist or that the caller may not see. */
    SUGGESTION_NOT_FOUND("ai.suggestion-not-found", 404),
    /** A rejection without a reason, or an edit without the edited band. */
    DECISION_INCOMPLETE("ai.decision-incomplete", 422),
    /** More rows than the batch limit in one request. */
    BATCH_TOO_LARGE("ai.batch-too-large", 413),
    /** A job that does not exist or is another user's. */
    JOB_NOT_FOUND("ai.job-not-found", 404),
    /** Cancelling a job that has already finished. */
    JOB_FINISHED("ai.job-finished", 409);

    private final String code;
    private final int status;

    AiProblem(String code, int status) {
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
