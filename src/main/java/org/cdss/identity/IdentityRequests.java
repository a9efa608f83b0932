package org.cdss.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the identity API. Unknown fields are refused (400), so no request can smuggle in roles. */
final class IdentityRequests {

    private IdentityRequests() {}

    static final String USERNAME_PATTERN = "^[A-Za-z0-9._-]{3,64}$";

    record LoginRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    /** Portal registration with the activation code front office issued ({@code ABCD-EFGH-JKMN}, dashes optional). */
    record RegisterRequest(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Pattern(regexp = USERNAME_PATTERN) String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "RegisterRequest[" + username + "]";
        }
    }

    record ChangePasswordRequest(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest";
        }
    }

    record ResetPasswordRequest(@NotBlank @Size(max = 128) String newPassword) {
        @Override
        public String toString() {
            return "ResetPasswordRequest";
        }
    }
}
