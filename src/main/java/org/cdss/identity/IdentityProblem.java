package org.cdss.identity;

import org.cdss.shared.ProblemType;

/**
 * The identity module's own refusals. Login failures keep the generic, long-stable codes of
 * {@link org.cdss.shared.ProblemCode} ({@code bad-credentials}, {@code account-locked}, {@code account-disabled}).
 */
public enum IdentityProblem implements ProblemType {
    /** Every failed portal registration (unknown, used or expired code; the patient already has an account). */
    ACTIVATION_INVALID("identity.activation-invalid", 422),
    /** Too many login or registration attempts from one client address or for one account; see Retry-After. */
    THROTTLED("identity.throttled", 429),
    USERNAME_TAKEN("identity.username-taken", 409),
    PASSWORD_CURRENT_WRONG("identity.password-current-wrong", 400),
    /** Front office asked for an activation code for a patient who already has a portal account. */
    PORTAL_ACCOUNT_EXISTS("identity.portal-account-exists", 409),
    CANNOT_DEACTIVATE_SELF("identity.cannot-deactivate-self", 422);

    private final String code;
    private final int status;

    IdentityProblem(String code, int status) {
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
