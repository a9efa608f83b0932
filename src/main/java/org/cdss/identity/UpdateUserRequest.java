package org.cdss.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.security.Role;

/** A change to an account's name, roles and departments; {@code version} is the one the editor loaded. */
public record UpdateUserRequest(
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty Set<@NotNull Role> roles,
        Set<@NotNull UUID> departmentIds,
        @NotNull Long version) {}
