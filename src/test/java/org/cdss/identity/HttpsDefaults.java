package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a browser is told about cookies and transport security: the {@code Set-Cookie} lines of the CSRF cookie and
 * of the session cookie (after a login), and the {@code Strict-Transport-Security} header, read raw over plain http
 * (no cookie store, which would drop {@code Secure} cookies on http).
 */
record HttpsDefaults(List<String> setCookies, Optional<String> hsts) {

    static HttpsDefaults observe(int port, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> csrf = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = new ArrayList<>(csrf.headers().allValues("Set-Cookie"));
        String token = cookies.stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow()
                .split(";", 2)[0]
                .substring("XSRF-TOKEN=".length());
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .header("Cookie", "XSRF-TOKEN=" + token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        cookies.addAll(login.headers().allValues("Set-Cookie"));
        return new HttpsDefaults(cookies, csrf.headers().firstValue("Strict-Transport-Security"));
    }

    String cookie(String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    static boolean isSecure(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";"))
                .map(String::strip)
                .anyMatch(a -> a.equalsIgnoreCase("Secure"));
    }
}
