package org.cdss.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.cdss.shared.security.Role;
import org.cdss.shared.web.SortParameter;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    private static final Set<String> SORTABLE = Set.of("username", "displayName", "createdAt", "lastLoginAt");

    private final UserManagement users;

    UserAdminController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    PageView<UserView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) UUID departmentId,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "username,asc") String sort) {
        return users.search(
                q,
                role,
                departmentId,
                active,
                PageRequest.of(page, size, SortParameter.parse(sort, SORTABLE, "username")));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody CreateUserRequest body) {
        return users.create(body);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest body) {
        return users.update(id, body);
    }

    @PostMapping("/{id}/deactivate")
    UserView deactivate(@PathVariable UUID id) {
        return users.deactivate(id);
    }

    @PostMapping("/{id}/activate")
    UserView activate(@PathVariable UUID id) {
        return users.activate(id);
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable UUID id) {
        return users.unlock(id);
    }

    @PostMapping("/{id}/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable UUID id, @Valid @RequestBody IdentityRequests.ResetPasswordRequest body) {
        users.resetPassword(id, body.newPassword());
    }
}
