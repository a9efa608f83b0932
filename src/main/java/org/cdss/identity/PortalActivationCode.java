package org.cdss.identity;

import java.time.Instant;

/**
 * A portal activation code as issued: shown once to front office (to print or read out), grouped for typing
 * ({@code ABCD-EFGH-JKMN}). Never stored or logged in this form. {@link #toString()} hides it.
 */
public record PortalActivationCode(String code, Instant expiresAt) {
    @Override
    public String toString() {
        return "PortalActivationCode[expiresAt=" + expiresAt + "]";
    }
}
