package org.cdss.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.SmartScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The consent page of a SMART app launch (ADR 0048), where the authorization endpoint sends a signed-in staff member:
 * which app asks, as whom it will act, and what it may do — each requested {@code user/} scope in Korean or English
 * (the browser's language) —, approved or denied by a plain form posted back to {@code /oauth2/authorize}. A server
 * page without script: it must work before the app exists for the user, and its CSP lets the form's answer redirect
 * only to the app's registered addresses.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class OAuthConsentController {

    private final OAuthClients clients;

    OAuthConsentController(OAuthClients clients) {
        this.clients = clients;
    }

    @GetMapping(value = OAuthServerConfiguration.CONSENT_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> consent(
            @RequestParam("client_id") String clientId,
            @RequestParam("scope") String scope,
            @RequestParam("state") String state,
            @AuthenticationPrincipal CdssPrincipal user,
            HttpServletRequest request) {
        OAuthProperties.Client client = clients.find(clientId)
                .filter(OAuthProperties.Client::launchedByUser)
                .orElse(null);
        if (client == null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("unknown app");
        }
        boolean korean =
                request.getLocale() != null && request.getLocale().getLanguage().equals(Locale.KOREAN.getLanguage());
        Set<String> origins = new LinkedHashSet<>();
        for (String uri : client.redirectUris()) {
            URI parsed = URI.create(uri);
            // the authorization server accepts any port of a loopback address (RFC 8252 7.3): so must the CSP
            boolean loopback = "127.0.0.1".equals(parsed.getHost()) || "[::1]".equals(parsed.getHost());
            origins.add(parsed.getScheme() + "://" + (loopback ? parsed.getHost() + ":*" : parsed.getRawAuthority()));
        }
        StringBuilder items = new StringBuilder();
        for (String requested : scope.split(" ")) {
            if (requested.isBlank()) {
                continue;
            }
            items.append("<li><label><input type=\"checkbox\" name=\"scope\" checked value=\"")
                    .append(HtmlUtils.htmlEscape(requested))
                    .append("\"> ")
                    .append(HtmlUtils.htmlEscape(describe(requested, korean)))
                    .append(" <code>")
                    .append(HtmlUtils.htmlEscape(requested))
                    .append("</code></label></li>");
        }
        String action = request.getContextPath() + "/oauth2/authorize";
        String hidden = "<input type=\"hidden\" name=\"client_id\" value=\"" + HtmlUtils.htmlEscape(clientId)
                + "\"><input type=\"hidden\" name=\"state\" value=\"" + HtmlUtils.htmlEscape(state) + "\">";
        String app = HtmlUtils.htmlEscape(client.displayName());
        String who = HtmlUtils.htmlEscape(user.displayName() + " (" + user.username() + ")");
        String html = "<!doctype html><html lang=\"" + (korean ? "ko" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + (korean ? "앱 접근 승인 — CDSS" : "Approve app access — CDSS")
                + "</title><style>body{font-family:system-ui,'Noto Sans KR',sans-serif;max-width:36rem;margin:2rem auto;"
                + "padding:0 1rem;color:#0f172a}li{margin:.5rem 0}code{color:#64748b;font-size:.8em}"
                + "button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head><body>"
                + "<h1>" + (korean ? "앱 접근 승인" : "Approve app access") + "</h1><p data-testid=\"consent-app\">"
                + (korean
                        ? "<strong>" + app + "</strong> 앱이 <strong>" + who
                                + "</strong> 님의 권한으로 다음을 하려고 합니다. 앱은 이 계정이 화면에서 볼 수 있는 정보만 볼 수 있습니다."
                        : "<strong>" + app + "</strong> asks to act as <strong>" + who
                                + "</strong> to do the following. It sees only what this account may see in CDSS.")
                + "</p><form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\">" + hidden + "<ul>"
                + items + "</ul><button type=\"submit\" data-testid=\"consent-approve\">"
                + (korean ? "승인" : "Approve") + "</button></form><form method=\"post\" action=\""
                + HtmlUtils.htmlEscape(action) + "\">" + hidden
                + "<button type=\"submit\" data-testid=\"consent-deny\">"
                + (korean ? "거부" : "Deny") + "</button></form></body></html>";
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // the answer redirects to the app: form-action must allow its registered origins (browsers check
                // the redirect of a form submission against it)
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + String.join(" ", origins)
                                + "; frame-ancestors 'none'; base-uri 'none'")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    /** A requested scope in the reader's language: what the app may do with which records. */
    static String describe(String scope, boolean korean) {
        var parsed = SmartScope.parse(scope);
        if (parsed.isEmpty()) {
            return scope;
        }
        SmartScope s = parsed.get();
        String type = s.resourceType().equals("*") ? (korean ? "모든 종류의 기록" : "all kinds of records") : s.resourceType();
        List<String> can = new java.util.ArrayList<>();
        String p = s.permissions();
        if (p.indexOf('r') >= 0) {
            can.add(korean ? "읽기" : "read");
        }
        if (p.indexOf('s') >= 0) {
            can.add(korean ? "검색" : "search");
        }
        if (p.indexOf('c') >= 0) {
            can.add(korean ? "생성" : "create");
        }
        if (p.indexOf('u') >= 0) {
            can.add(korean ? "수정" : "update");
        }
        if (p.indexOf('d') >= 0) {
            can.add(korean ? "삭제" : "delete");
        }
        return korean
                ? type + " " + String.join("·", can) + " (내가 볼 수 있는 범위)"
                : String.join(", ", can) + " " + type + " (what you may see)";
    }
}
