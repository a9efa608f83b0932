package org.cdss.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.Role;

/** A new account: staff (roles and departments) or a patient (the PATIENT role alone and the patient's id). */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = IdentityRequests.USERNAME_PATTERN)
        String username,

        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(max = 128) String password,
        @NotEmpty Set<@NotNull Role> roles,
        Set<@NotNull UUID> departmentIds,
        UUID patientId) {

    @Override
    public String toString() {
        return "CreateUserRequest[" + username + "]";
    }
}
