package org.cdss.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.cdss.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login, portal registration with an activation code, the current user. Login and registration are rate limited per
 * client address and per account ({@link RequestThrottle}, 429 {@code identity.throttled} with Retry-After). Logout is handled by the security filter chain
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
    private final RequestThrottle throttle;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final Problems problems;

    AuthController(
            Authentication authentication,
            Accounts accounts,
            IdentityQueries queries,
            SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository,
            RequestThrottle throttle,
            FindByIndexNameSessionRepository<?> sessions,
            Problems problems) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.queries = queries;
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
        this.throttle = throttle;
        this.sessions = sessions;
        this.problems = problems;
    }

    /** Makes sure the XSRF-TOKEN cookie is set (the CSRF cookie filter writes it). */
    @GetMapping("/api/auth/csrf")
    ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/auth/login")
    MeView login(
            @Valid @RequestBody IdentityRequests.LoginRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.login(request.getRemoteAddr(), Authentication.normalize(body.username()));
        CdssPrincipal principal = authentication.authenticate(body.username(), body.password());
        startSession(principal, request, response);
        return queries.me(principal);
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    MeView register(
            @Valid @RequestBody IdentityRequests.RegisterRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.register(request.getRemoteAddr(), Authentication.normalize(body.username()));
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
    void changePassword(@Valid @RequestBody IdentityRequests.ChangePasswordRequest body, HttpServletRequest request) {
        CdssPrincipal principal = CurrentUser.require();
        accounts.changePassword(principal, body.currentPassword(), body.newPassword());
        endOtherSessions(principal, request);
    }

    /**
     * After a password change: every other session of this user is deleted (another browser, a stolen cookie), and
     * this one continues under a new id.
     */
    private void endOtherSessions(CdssPrincipal principal, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        String currentId = current == null ? null : current.getId();
        sessions.findByPrincipalName(principal.username()).keySet().stream()
                .filter(id -> !id.equals(currentId))
                .forEach(sessions::deleteById);
        if (current != null) {
            request.changeSessionId();
        }
    }

    /** 429 problem+json with Retry-After (seconds). */
    @ExceptionHandler(RequestThrottle.Throttled.class)
    ResponseEntity<ProblemDetail> throttled(RequestThrottle.Throttled e, HttpServletRequest request) {
        ProblemDetail body = problems.build(e.problem());
        body.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.problem().status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @GetMapping("/api/doctors")
    List<DoctorView> doctors(
            @org.springframework.web.bind.annotation.RequestParam(required = false) java.util.UUID departmentId) {
        return queries.doctors(departmentId);
    }

    @GetMapping("/api/departments")
    List<DepartmentView> departments() {
        return queries.departments();
    }

    private void startSession(CdssPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                principal.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList());
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
