package org.cdss.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.cdss.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of NCBI's E-utilities, following NCBI's usage policy: at most 3 requests per second (10 with the
 * hospital's API key, {@code CDSS_NCBI_API_KEY}) from this instance, {@code tool} and {@code email} on every call,
 * retries with exponential back-off (honouring {@code Retry-After}) on 429 and 5xx, and a bounded timeout. When NCBI
 * cannot be reached after the retries the caller gets {@link KnowledgeProblem#PUBMED_UNAVAILABLE}.
 */
@Component
class EutilsClient {

    private static final Logger log = LoggerFactory.getLogger(EutilsClient.class);

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String email;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    EutilsClient(
            @Value("${cdss.knowledge.pubmed.base-url}") String baseUrl,
            @Value("${cdss.knowledge.pubmed.api-key:}") String apiKey,
            @Value("${cdss.knowledge.pubmed.email:}") String email,
            @Value("${cdss.knowledge.pubmed.timeout:10s}") Duration timeout,
            @Value("${cdss.knowledge.pubmed.attempts:3}") int attempts,
            @Value("${cdss.knowledge.pubmed.backoff:500ms}") Duration backoff) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.apiKey = apiKey.strip();
        this.email = email.strip();
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.intervalNanos = Duration.ofSeconds(1).toNanos() / requestsPerSecond();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** NCBI's policy: 3 requests per second without an API key, 10 with one. */
    int requestsPerSecond() {
        return apiKey.isEmpty() ? 3 : 10;
    }

    /** GETs {@code <base>/<utility>?<params>} and returns the body; 429/5xx and I/O failures are retried. */
    String get(String utility, Map<String, String> params) {
        URI uri = URI.create(baseUrl + utility + "?" + query(params));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/xml, text/xml")
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff.multipliedBy(1L << (attempt - 1));
            String failure;
            try {
                awaitSlot();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                if (status == 429 || status >= 500) {
                    failure = "HTTP " + status;
                    wait = retryAfter(response).orElse(wait);
                } else if (status == 404 || status == 400) {
                    throw new DomainException(KnowledgeProblem.PUBMED_BAD_ANSWER);
                } else {
                    failure = "HTTP " + status;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException(KnowledgeProblem.PUBMED_UNAVAILABLE);
            }
            if (attempt >= attempts) {
                log.warn("PubMed {} failed after {} attempts ({})", utility, attempt, failure);
                throw new DomainException(KnowledgeProblem.PUBMED_UNAVAILABLE);
            }
            log.info("PubMed {} attempt {} failed ({}), retrying in {} ms", utility, attempt, failure, wait.toMillis());
            sleep(wait);
        }
    }

    private String query(Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        q.add("tool=cdss");
        if (!email.isEmpty()) {
            q.add("email=" + enc(email));
        }
        if (!apiKey.isEmpty()) {
            q.add("api_key=" + enc(apiKey));
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Spaces calls {@code 1/rate} seconds apart across all threads of this instance. */
    private void awaitSlot() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long delay = slot - System.nanoTime();
        if (delay > 0) {
            Thread.sleep(Duration.ofNanos(delay));
        }
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.strip());
                return java.util.Optional.of(Duration.ofSeconds(Math.min(seconds, 10)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(KnowledgeProblem.PUBMED_UNAVAILABLE);
        }
    }
}
