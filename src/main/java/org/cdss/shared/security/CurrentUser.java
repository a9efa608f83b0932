package org.cdss.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link CdssPrincipal} of the current request. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<CdssPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CdssPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The current user; throws when nobody is logged in (the security filter chain normally prevents that). */
    public static CdssPrincipal require() {
        return find().orElseThrow(() ->
                new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                        "no CDSS user in the security context"));
    }
}
