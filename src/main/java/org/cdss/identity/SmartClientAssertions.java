package org.cdss.identity;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * private_key_jwt as SMART backend services send it: {@code client_assertion_type} and {@code client_assertion} but
 * no {@code client_id} (RFC 7523 makes it optional; Spring's own converter requires it). The client is the
 * assertion's {@code sub} (unverified here: Spring's provider then verifies the signature with that client's key and
 * checks {@code iss} = {@code sub} = the client). With a {@code client_id} it must equal {@code sub}.
 */
final class SmartClientAssertions implements AuthenticationConverter {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String type = request.getParameter("client_assertion_type");
        String assertion = request.getParameter("client_assertion");
        if (!JWT_BEARER.equals(type) || assertion == null || assertion.isBlank()) {
            return null; // not a client assertion: the other converters decide
        }
        if (request.getParameterValues("client_assertion").length != 1) {
            throw invalid();
        }
        String subject;
        try {
            subject = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw invalid();
        }
        String clientId = request.getParameter("client_id");
        if (subject == null || subject.isBlank() || (clientId != null && !clientId.equals(subject))) {
            throw invalid();
        }
        return new OAuth2ClientAuthenticationToken(
                subject, new ClientAuthenticationMethod(JWT_BEARER), assertion, Map.of()); // as Spring's converter
    }

    private static OAuth2AuthenticationException invalid() {
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
    }
}
