package org.cdss.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login, self-registration, the current user. Logout is handled by the security filter chain
 * ({@code POST /api/auth/logout}). Login requires the CSRF token like every other POST, and it rotates the session
 * id and the CSRF token (no session fixation).
 */
@RestController
class AuthController {

    private final Authentication authentication;
    private final Accounts accounts;
    private final IdentityQueries queries;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;

    AuthController(Authentication authentication, Accounts accounts, IdentityQueries queries,
            SessionAuthenticationStrategy sessionStrategy, SecurityContextRepository contextRepository) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.queries = queries;
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
    }

    /** Makes sure the XSRF-TOKEN cookie is set (the CSRF cookie filter writes it). */
    @GetMapping("/api/auth/csrf")
    ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/auth/login")
    MeView login(@Valid @RequestBody IdentityRequests.LoginRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        CdssPrincipal principal = authentication.authenticate(body.username(), body.password());
        startSession(principal, request, response);
        return queries.me(principal);
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    MeView register(@Valid @RequestBody IdentityRequests.RegisterRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        CdssPrincipal principal = accounts.registerPatient(body);
        startSession(principal, request, response);
        return queries.me(principal);
    }

    @GetMapping("/api/me")
    MeView me() {
        return queries.me(CurrentUser.require());
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody IdentityRequests.ChangePasswordRequest body) {
        accounts.changePassword(CurrentUser.require(), body.currentPassword(), body.newPassword());
    }

    @GetMapping("/api/doctors")
    List<DoctorView> doctors(@org.springframework.web.bind.annotation.RequestParam(required = false)
            java.util.UUID departmentId) {
        return queries.doctors(departmentId);
    }

    @GetMapping("/api/departments")
    List<DepartmentView> departments() {
        return queries.departments();
    }

    private void startSession(CdssPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        sessionStrategy.onAuthentication(auth, request, response);
        contextRepository.saveContext(context, request, response);
        // The strategy replaced the CSRF token with a deferred one: load it now so the new cookie is sent.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
