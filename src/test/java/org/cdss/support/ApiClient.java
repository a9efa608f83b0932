package org.cdss.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for integration tests: keeps cookies (session and XSRF-TOKEN) and echoes the CSRF token
 * in {@code X-XSRF-TOKEN} on every mutating request, as the web UI does.
 */
public class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String language = "en";
    private String csrfHeaderOverride;
    private String bearer;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The {@code Accept-Language} sent; {@code null}: none (an outside client that names no language). */
    public ApiClient language(String lang) {
        this.language = lang;
        return this;
    }

    /** Sends {@code Authorization: Bearer <token>} with every request (an OAuth2 client, no session). */
    public ApiClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Sends this value as the CSRF header instead of the cookie's (to test forged tokens). */
    public ApiClient forgeCsrfHeader(String value) {
        this.csrfHeaderOverride = value;
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET whose body is binary (an image, a zip): status, bytes and the response headers. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .GET()
                            .header("Accept-Language", language)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a GET whose body may never end (a server-sent event stream); the stream is closed at once. */
    public int streamStatus(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .GET()
                .header("Accept", "text/event-stream")
                .header("Accept-Language", language);
        try {
            HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a server-sent event stream and returns its lines as they arrive (close the stream when done). */
    public java.util.stream.Stream<String> stream(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/event-stream");
        try {
            HttpResponse<java.util.stream.Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        return send(json(HttpRequest.newBuilder(uri(path)), body, "POST"));
    }

    /** A JSON POST with extra request headers (e.g. {@code Idempotency-Key}). */
    public Response post(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = json(HttpRequest.newBuilder(uri(path)), body, "POST");
        headers.forEach(b::header);
        return send(b);
    }

    public Response put(String path, Object body) {
        return send(json(HttpRequest.newBuilder(uri(path)), body, "PUT"));
    }

    public Response delete(String path) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path)).DELETE()));
    }

    /** A raw request: exact body and content type, CSRF header added. */
    public Response raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(withCsrf(b));
    }

    /** A file upload as the web UI sends it: the bytes as the body, with their own content type. */
    public Response upload(String path, String contentType, byte[] body) {
        return upload(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public Response upload(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path)).POST(body).header("Content-Type", contentType)));
    }

    /**
     * What a browser does on a page of its own — a link followed or a plain HTML form posted — with this client's
     * cookies, no CSRF header and no redirect followed: the answer with its headers ({@code Location}).
     * {@code pathOrUrl} is a path on this server or an absolute URL; {@code form} is an url-encoded body (null: GET).
     */
    public HttpResponse<String> browse(String pathOrUrl, String form) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : uri(pathOrUrl));
        if (form == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        b.header("User-Agent", "cdss-tests");
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches the CSRF cookie (as the SPA does at start) and logs in. */
    public Response login(String username, String password) {
        ensureCsrf();
        return post("/api/auth/login", java.util.Map.of("username", username, "password", password));
    }

    public Response logout() {
        return post("/api/auth/logout", null);
    }

    public void ensureCsrf() {
        if (cookie("XSRF-TOKEN").isEmpty()) {
            get("/api/auth/csrf");
        }
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void setCookie(String name, String value) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    public void clearCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        b.method(method, HttpRequest.BodyPublishers.ofString(text));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return withCsrf(b);
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        if (csrfHeaderOverride != null) {
            b.header("X-XSRF-TOKEN", csrfHeaderOverride);
        } else {
            cookie("XSRF-TOKEN").ifPresent(t -> b.header("X-XSRF-TOKEN", t));
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        if (language != null) {
            b.header("Accept-Language", language);
        }
        b.header("User-Agent", "cdss-tests");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(),
                    r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
