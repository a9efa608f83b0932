package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdss.support.ApiClient;

/**
 * A SMART app's standalone launch (ADR 0048) from the outside, step by step as the app and the staff member's browser
 * make it: the authorization request with an S256 code challenge, the consent page and its answer, the code at the
 * app's redirect URI, the code exchanged at the token endpoint with the verifier.
 */
final class SmartAppLaunch {

    static final String PUBLIC_APP = "test-smart-app";
    static final String PUBLIC_REDIRECT = "http://localhost:9/callback";
    static final String CONFIDENTIAL_APP = "test-smart-confidential";
    static final String CONFIDENTIAL_REDIRECT = "https://app.example/callback";

    final int port;
    final String clientId;
    final String redirectUri;
    final String verifier;
    final String state;

    SmartAppLaunch(int port, String clientId, String redirectUri) {
        this.port = port;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.state =
                Base64.getUrlEncoder().withoutPadding().encodeToString(random).substring(0, 16);
    }

    static SmartAppLaunch publicApp(int port) {
        return new SmartAppLaunch(port, PUBLIC_APP, PUBLIC_REDIRECT);
    }

    /** The app's authorization request (SMART: {@code aud} the FHIR base), with the S256 challenge of the verifier. */
    String authorizeUrl(String scope) {
        return "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "scope",
                        scope,
                        "state",
                        state,
                        "aud",
                        "http://localhost:" + port + "/fhir",
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
    }

    /**
     * A signed-in browser through the authorization request and the consent page, approving every requested scope:
     * the code the app receives at its redirect URI.
     */
    String approve(ApiClient browser, String scope) {
        HttpResponse<String> consent = toConsent(browser, scope);
        Map<String, String> query = query(URI.create(consent.uri().toString()));
        StringBuilder answer = new StringBuilder(form(Map.of("client_id", clientId, "state", query.get("state"))));
        for (String s : scope.split(" ")) {
            answer.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        HttpResponse<String> back = browser.browse("/oauth2/authorize", answer.toString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?");
        Map<String, String> params = query(location);
        assertThat(params.get("state")).isEqualTo(state);
        assertThat(params).containsKey("code");
        return params.get("code");
    }

    /** The authorization request of a signed-in browser, followed to the consent page (200, HTML). */
    HttpResponse<String> toConsent(ApiClient browser, String scope) {
        HttpResponse<String> authorize = browser.browse(authorizeUrl(scope), null);
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/oauth2/consent?");
        HttpResponse<String> page = browser.browse(location, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page;
    }

    /** The app exchanges the code at the token endpoint (a public client: client_id and the verifier only). */
    ApiClient.Response token(String code, String verifier, String secret) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", clientId);
        body.put("code_verifier", verifier);
        if (secret != null) {
            body.put("client_secret", secret);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(
                    r.statusCode(),
                    r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole launch for a signed-in browser: the access token the app gets. */
    String accessToken(ApiClient browser, String scope, String secret) {
        ApiClient.Response r = token(approve(browser, scope), verifier, secret);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
