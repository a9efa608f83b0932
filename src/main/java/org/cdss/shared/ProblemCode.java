package org.cdss.shared;

/**
 * The generic problem types that belong to no module (invalid shape, authentication, not found, …). A refusal that
 * a module's own rule makes has a code of that module's own enum (see {@link ProblemType}).
 */
public enum ProblemCode implements ProblemType {
    VALIDATION("validation", 400),
    MALFORMED_REQUEST("malformed-request", 400),
    BAD_CREDENTIALS("bad-credentials", 401),
    ACCOUNT_DISABLED("account-disabled", 401),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    CSRF("csrf", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    STALE_VERSION("stale-version", 409),
    DUPLICATE("duplicate", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    BUSINESS_RULE("business-rule", 422),
    PASSWORD_POLICY("password-policy", 422),
    ACCOUNT_LOCKED("account-locked", 423),
    SERVICE_UNAVAILABLE("service-unavailable", 503),
    INTERNAL("internal", 500);

    private final String code;
    private final int status;

    ProblemCode(String code, int status) {
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
