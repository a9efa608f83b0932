package org.cdss.fhir;

import java.util.List;
import java.util.Set;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.SmartScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A FHIR call made with a bearer token of the authorization server (ADR 0035): the principal is the account the client
 * acts as (so the modules apply that account's role, department and patient rules), and the token's SMART scopes
 * narrow what it may do further ({@link FhirScopes}).
 */
final class FhirTokenAuthentication extends AbstractAuthenticationToken {

    private final CdssPrincipal principal;
    private final String clientId;
    private final List<SmartScope> scopes;
    private final boolean userToken;

    FhirTokenAuthentication(CdssPrincipal principal, String clientId, List<SmartScope> scopes, boolean userToken) {
        super(principal.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList());
        this.principal = principal;
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
        this.userToken = userToken;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CdssPrincipal getPrincipal() {
        return principal;
    }

    String clientId() {
        return clientId;
    }

    /**
     * The scopes that apply to the account: {@code system/} and {@code user/} for a staff account, {@code patient/}
     * for a patient account (whose module rules confine it to its own record). A user token (a SMART app a staff
     * member launched, ADR 0048) counts its {@code user/} scopes only.
     */
    List<SmartScope> applicableScopes() {
        Set<SmartScope.Context> contexts = userToken
                ? Set.of(SmartScope.Context.USER)
                : principal.patientId() == null
                        ? Set.of(SmartScope.Context.SYSTEM, SmartScope.Context.USER)
                        : Set.of(SmartScope.Context.PATIENT);
        return scopes.stream().filter(s -> contexts.contains(s.context())).toList();
    }

    boolean allows(String type, char permission) {
        return applicableScopes().stream().anyMatch(s -> s.allows(type, permission));
    }
}
