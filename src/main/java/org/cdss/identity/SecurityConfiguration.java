package org.cdss.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.cdss.shared.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach which URL (coarse, first line; the services check again), server-side sessions, CSRF for the SPA
 * (cookie {@code XSRF-TOKEN} → header {@code X-XSRF-TOKEN}, also on login), problem+json for 401/403, and security
 * headers. The role × endpoint matrix test pins these rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.context.properties.EnableConfigurationProperties(RequestThrottle.Properties.class)
class SecurityConfiguration {

    static final String[] CLINICAL_AND_FRONT_OFFICE =
            Role.PATIENT_REGISTRY_READERS.stream().map(Enum::name).toArray(String[]::new);

    /** Secure cookies and HSTS (see {@link #servedOverHttps(String, String)}). */
    private final boolean https;

    SecurityConfiguration(
            @Value("${cdss.cookies.secure:}") String secureCookies, @Value("${cdss.mode:production}") String mode) {
        this.https = servedOverHttps(secureCookies, mode);
    }

    /**
     * Whether CDSS is served over HTTPS, so that its cookies are {@code Secure} and every answer carries HSTS:
     * {@code CDSS_COOKIE_SECURE} when set, else yes in production mode and no in demo mode (the embedded default over
     * plain http on localhost). A production deployment without TLS sets {@code CDSS_COOKIE_SECURE=false}.
     */
    static boolean servedOverHttps(String configured, String mode) {
        if (configured != null && !configured.isBlank()) {
            return Boolean.parseBoolean(configured.strip());
        }
        return !"demo".equalsIgnoreCase(mode);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, with upgrade path
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(
                cookie -> cookie.sameSite("Strict").secure(https).path("/"));
        return repository;
    }

    /**
     * The session cookie: HttpOnly, SameSite=Lax, Secure when served over HTTPS. Values that do not decode to a session
     * id (tampered or garbage cookies) are ignored before they reach the session store, so they read as "no session".
     */
    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer() {
            @Override
            public List<String> readCookieValues(HttpServletRequest request) {
                return super.readCookieValues(request).stream()
                        .filter(v -> SESSION_ID.matcher(v).matches())
                        .toList();
            }
        };
        serializer.setCookieName("CDSS_SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(https);
        serializer.setCookiePath("/");
        return serializer;
    }

    private static final java.util.regex.Pattern SESSION_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * No tracing of each security filter and authorisation decision: the HTTP request is already observed as a
     * whole, and wrapping every filter of every request cost about 5 % of the server's CPU under order load.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy(CookieCsrfTokenRepository csrf) {
        return new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            CookieCsrfTokenRepository csrf,
            SecurityContextRepository contextRepository,
            ProblemWriter problems,
            AuditLog audit)
            throws Exception {
        http.csrf(c -> c.csrfTokenRepository(csrf).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .securityContext(c -> c.securityContextRepository(contextRepository))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .requestCache(r -> r.disable())
                .logout(l -> l.logoutUrl("/api/auth/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof CdssPrincipal p) {
                                audit.record(new AuditEvent(
                                        "LOGOUT",
                                        "User",
                                        p.userId().toString(),
                                        null,
                                        AuditOutcome.SUCCESS,
                                        null,
                                        AuditEvent.Actor.of(p)));
                            }
                        })
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(
                                org.springframework.http.HttpStatus.NO_CONTENT)))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/auth/csrf")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/register")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .hasRole("ADMIN")
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/patients/*/rrn/reveal")
                        .hasAnyRole("ADMIN_STAFF", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/patients/*/portal-activation-code")
                        .hasAnyRole("ADMIN_STAFF", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/patients", "/api/patients/duplicates/check")
                        .hasAnyRole("ADMIN_STAFF", "DOCTOR", "NURSE")
                        .requestMatchers(HttpMethod.PUT, "/api/patients/*")
                        .hasAnyRole("ADMIN_STAFF", "DOCTOR", "NURSE")
                        .requestMatchers(HttpMethod.POST, "/api/patients/*/inactivate")
                        .hasAnyRole("ADMIN_STAFF", "DOCTOR")
                        .requestMatchers(HttpMethod.GET, "/api/patients/*/history")
                        .hasAnyRole(CLINICAL_AND_FRONT_OFFICE)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/patients/*/allergies",
                                "/api/patients/*/allergies/**",
                                "/api/patients/*/medications",
                                "/api/patients/*/medications/**",
                                "/api/patients/*/problems",
                                "/api/patients/*/problems/**")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST")
                        // medical records (module records): chart content for chart readers and the patient themself
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/patients/*/timeline",
                                "/api/patients/*/weight",
                                "/api/encounters/**")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST", "RADIOLOGIST", "PATIENT")
                        .requestMatchers(HttpMethod.POST, "/api/patients/*/encounters", "/api/encounters/*/vitals")
                        .hasAnyRole("DOCTOR", "NURSE")
                        .requestMatchers("/api/encounters/**")
                        .hasRole("DOCTOR")
                        .requestMatchers(HttpMethod.GET, "/api/patients")
                        .hasAnyRole(CLINICAL_AND_FRONT_OFFICE)
                        .requestMatchers("/api/patients/**")
                        .hasAnyRole(withPatient(CLINICAL_AND_FRONT_OFFICE))
                        // the knowledge base and its browser are reference knowledge, not patient data: any staff
                        // member
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/medsafety/kb",
                                "/api/medsafety/kb/reference-set",
                                "/api/medsafety/ingredients",
                                "/api/medsafety/ingredients/*")
                        .hasAnyRole(java.util.Arrays.stream(Role.values())
                                .filter(Role::isStaff)
                                .map(Enum::name)
                                .toArray(String[]::new))
                        // the drug search also for administrators, who edit the departments' order sets (ADR 0038)
                        .requestMatchers(HttpMethod.GET, "/api/medsafety/drugs")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST", "ADMIN")
                        .requestMatchers("/api/medsafety/**")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST")
                        .requestMatchers(HttpMethod.GET, "/cds-services")
                        .permitAll()
                        .requestMatchers("/cds-services/**")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST")
                        .requestMatchers(HttpMethod.POST, "/api/appointments/schedules")
                        .hasAnyRole("ADMIN_STAFF", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/appointments/schedules", "/api/appointments/queue")
                        .hasAnyRole(CLINICAL_AND_FRONT_OFFICE)
                        .requestMatchers(HttpMethod.POST, "/api/appointments")
                        .hasAnyRole("ADMIN_STAFF", "DOCTOR", "PATIENT")
                        .requestMatchers(HttpMethod.POST, "/api/appointments/*/check-in", "/api/appointments/*/no-show")
                        .hasAnyRole("ADMIN_STAFF", "NURSE", "DOCTOR")
                        .requestMatchers(HttpMethod.POST, "/api/appointments/*/start", "/api/appointments/*/complete")
                        .hasRole("DOCTOR")
                        .requestMatchers(HttpMethod.POST, "/api/appointments/*/cancel")
                        .hasAnyRole("ADMIN_STAFF", "DOCTOR", "NURSE", "PATIENT")
                        .requestMatchers("/api/appointments", "/api/appointments/**")
                        .hasAnyRole(withPatient(CLINICAL_AND_FRONT_OFFICE))
                        .requestMatchers("/api/dashboard/**")
                        .hasAnyRole(CLINICAL_AND_FRONT_OFFICE)
                        // OCS: doctors order; the target department performs; the care team and admins read
                        .requestMatchers(HttpMethod.GET, "/api/ocs/orders/mine")
                        .hasRole("DOCTOR")
                        // order templates (ADR 0038): a doctor's favourites and department order sets
                        .requestMatchers(
                                "/api/ocs/favourites",
                                "/api/ocs/favourites/*",
                                "/api/ocs/favourites/*/label",
                                "/api/ocs/order-sets")
                        .hasRole("DOCTOR")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/ocs/orders",
                                "/api/ocs/orders/*/send",
                                "/api/ocs/orders/*/cancel",
                                "/api/ocs/orders/*/revise")
                        .hasRole("DOCTOR")
                        .requestMatchers(HttpMethod.PUT, "/api/ocs/orders/*")
                        .hasRole("DOCTOR")
                        .requestMatchers(HttpMethod.DELETE, "/api/ocs/orders/*")
                        .hasRole("DOCTOR")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/ocs/orders/*/start",
                                "/api/ocs/orders/*/complete",
                                "/api/ocs/orders/*/return")
                        .hasAnyRole("PHARMACIST", "LAB_TECH", "RADIOGRAPHER", "RADIOLOGIST")
                        // the thread on an order: the prescriber and the department that carries it out
                        .requestMatchers(HttpMethod.POST, "/api/ocs/orders/*/messages")
                        .hasAnyRole("DOCTOR", "PHARMACIST", "LAB_TECH", "RADIOGRAPHER", "RADIOLOGIST")
                        .requestMatchers(HttpMethod.POST, "/api/ocs/orders/*/revalidate")
                        .hasAnyRole("DOCTOR", "PHARMACIST")
                        .requestMatchers(HttpMethod.GET, "/api/ocs/**")
                        .hasAnyRole("DOCTOR", "NURSE", "PHARMACIST", "LAB_TECH", "RADIOGRAPHER", "RADIOLOGIST", "ADMIN")
                        .requestMatchers("/api/ocs/**")
                        .denyAll()
                        // Knowledge hub (issue 13): evidence for every staff member, no patient; authors of the
                        // hospital's protocols (doctors, pharmacists, administrators) upload documents.
                        .requestMatchers(
                                HttpMethod.POST, "/api/knowledge/documents", "/api/knowledge/documents/*/versions")
                        .hasAnyRole("DOCTOR", "PHARMACIST", "ADMIN")
                        .requestMatchers("/api/knowledge", "/api/knowledge/**")
                        .hasAnyRole(java.util.Arrays.stream(Role.values())
                                .filter(Role::isStaff)
                                .map(Enum::name)
                                .toArray(String[]::new))
                        // AI (issue 12): model cards for any staff member; running models, suggestions, decisions
                        // and jobs for doctors and nurses; dashboards and statistics (counts only) also for admins
                        .requestMatchers(HttpMethod.GET, "/api/ai/models", "/api/ai/models/*")
                        .hasAnyRole(java.util.Arrays.stream(Role.values())
                                .filter(Role::isStaff)
                                .map(Enum::name)
                                .toArray(String[]::new))
                        .requestMatchers(HttpMethod.GET, "/api/ai/models/*/dashboard", "/api/ai/lung-risk/statistics")
                        .hasAnyRole("DOCTOR", "NURSE", "ADMIN")
                        .requestMatchers("/api/ai/**")
                        .hasAnyRole("DOCTOR", "NURSE")
                        // RIS (issue 11 items 6-8): the reading worklist and the reading screen for radiology staff;
                        // radiologists write, sign, append and mark key images; reports are read by radiology, the
                        // ordering doctor's
                        // department and administrators (the service checks which), a patient reads their own.
                        .requestMatchers(HttpMethod.GET, "/api/ris/worklist", "/api/ris/orders/*")
                        .hasAnyRole("RADIOLOGIST", "RADIOGRAPHER")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/ris/reports",
                                "/api/ris/reports/*/sign",
                                "/api/ris/reports/*/addenda",
                                "/api/ris/reports/*/key-images")
                        .hasRole("RADIOLOGIST")
                        .requestMatchers(HttpMethod.DELETE, "/api/ris/reports/*/key-images/*")
                        .hasRole("RADIOLOGIST")
                        .requestMatchers(HttpMethod.GET, "/api/ris/portal/reports")
                        .hasRole("PATIENT")
                        .requestMatchers(HttpMethod.GET, "/api/ris/reports")
                        .hasAnyRole("DOCTOR", "NURSE", "RADIOGRAPHER", "RADIOLOGIST", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/ris/reports/*", "/api/ris/reports/*/pdf")
                        .hasAnyRole("DOCTOR", "NURSE", "RADIOGRAPHER", "RADIOLOGIST", "ADMIN", "PATIENT")
                        .requestMatchers("/api/ris/**")
                        .denyAll()
                        // Imaging (issue 11, PACS): doctors, radiographers and radiologists upload and decide patient
                        // links; the care team, imaging staff and the patient (own studies, checked in the service)
                        // view
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/imaging/uploads",
                                "/api/imaging/volumes",
                                "/api/imaging/studies/*/link")
                        .hasAnyRole("DOCTOR", "RADIOGRAPHER", "RADIOLOGIST")
                        .requestMatchers(HttpMethod.GET, "/api/imaging/reconciliation")
                        .hasAnyRole("RADIOGRAPHER", "RADIOLOGIST")
                        .requestMatchers(HttpMethod.GET, "/api/imaging/studies/unlinked")
                        .hasAnyRole("DOCTOR", "RADIOGRAPHER", "RADIOLOGIST")
                        .requestMatchers(HttpMethod.GET, "/api/imaging/orders/**")
                        .hasAnyRole("DOCTOR", "NURSE", "RADIOGRAPHER", "RADIOLOGIST")
                        .requestMatchers(HttpMethod.GET, "/api/imaging/**")
                        .hasAnyRole("DOCTOR", "NURSE", "RADIOGRAPHER", "RADIOLOGIST", "PATIENT")
                        .requestMatchers("/api/imaging/**")
                        .denyAll()
                        // Notifications (issue 5): the live stream for everyone logged in, the stored ones for staff
                        // only.
                        .requestMatchers(HttpMethod.GET, "/api/notifications/stream")
                        .authenticated()
                        .requestMatchers("/api/notifications", "/api/notifications/**")
                        .hasAnyRole(java.util.Arrays.stream(Role.values())
                                .filter(Role::isStaff)
                                .map(Enum::name)
                                .toArray(String[]::new))
                        // FHIR R4 facade (issue 17, ADR 0030): the CapabilityStatement and the SMART configuration
                        // for anyone (they hold no data); everything else for any logged-in user, authorised per
                        // resource by the same module
                        // API calls the UI endpoints make
                        // the consent page of a SMART app launch (ADR 0048): staff only, like the authorization
                        // endpoint that sends them there
                        .requestMatchers(HttpMethod.GET, OAuthServerConfiguration.CONSENT_PAGE)
                        .hasAnyRole(java.util.Arrays.stream(Role.values())
                                .filter(Role::isStaff)
                                .map(Enum::name)
                                .toArray(String[]::new))
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration")
                        .permitAll()
                        .requestMatchers("/fhir", "/fhir/**")
                        .authenticated()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ex instanceof CsrfException) {
                                problems.write(request, response, ProblemCode.CSRF);
                                return;
                            }
                            audit.record(new AuditEvent(
                                    "ACCESS_DENIED",
                                    "Endpoint",
                                    request.getMethod() + " " + request.getRequestURI(),
                                    null,
                                    AuditOutcome.DENIED,
                                    null,
                                    null));
                            problems.write(request, response, ProblemCode.FORBIDDEN);
                        }))
                // 'wasm-unsafe-eval': the 2D viewer's image decoders are WebAssembly (compiling it, not JS eval; ADR
                // 0036)
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                                        + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // on every answer when served over HTTPS (also behind a TLS proxy that forwards plain http:
                        // browsers
                        // ignore the header on http); off in demo mode
                        .httpStrictTransportSecurity(hsts -> {
                            if (https) {
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(31_536_000);
                            } else {
                                hsts.disable();
                            }
                        })
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static String[] withPatient(String[] roles) {
        String[] all = java.util.Arrays.copyOf(roles, roles.length + 1);
        all[roles.length] = Role.PATIENT.name();
        return all;
    }

    /** Touches the deferred CSRF token on every request so that the cookie is written for the SPA to read. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
