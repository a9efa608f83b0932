package org.cdss.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cdss.shared.HospitalZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the registered feeds on a schedule: each feed every {@code cdss.knowledge.feeds.interval} (default 30 min),
 * with a conditional GET (the ETag and Last-Modified of the last answer: a 304 costs the publisher nothing), and
 * after a failure (timeout, HTTP error, not a feed) with a back-off that doubles per failure up to {@code
 * max-backoff} (default 24 h). Each due feed is claimed in the database first, so with several instances only one
 * fetches it. New items are stored, old ones kept (history).
 */
@Component
class FeedAggregator {

    private static final Logger log = LoggerFactory.getLogger(FeedAggregator.class);
    private static final long MAX_BODY = 10L * 1024 * 1024;

    private final FeedStore store;
    private final FeedAddresses addresses;
    private final Clock clock;
    private final HospitalZone zone;
    private final HttpClient http;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Duration timeout;

    FeedAggregator(
            FeedStore store,
            FeedAddresses addresses,
            Clock clock,
            HospitalZone zone,
            @Value("${cdss.knowledge.feeds.interval:30m}") Duration interval,
            @Value("${cdss.knowledge.feeds.max-backoff:24h}") Duration maxBackoff,
            @Value("${cdss.knowledge.feeds.timeout:15s}") Duration timeout) {
        this.store = store;
        this.addresses = addresses;
        this.clock = clock;
        this.zone = zone;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, each hop checked (send)
                .build();
    }

    @Scheduled(
            initialDelayString = "${cdss.knowledge.feeds.check-every:60s}",
            fixedDelayString = "${cdss.knowledge.feeds.check-every:60s}")
    void fetchDue() {
        try {
            for (FeedStore.Feed feed : store.due(clock.instant())) {
                if (store.claim(feed, clock.instant().plus(timeout.multipliedBy(4)))) {
                    fetch(feed);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Feed fetching failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Redirects followed at most, each to an address {@link FeedAddresses} allows. */
    static final int MAX_REDIRECTS = 5;

    private HttpRequest request(URI target, FeedStore.Feed feed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("User-Agent", "CDSS knowledge hub (feed reader)")
                .header(
                        "Accept",
                        "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1")
                .GET();
        if (feed.etag() != null) {
            request.header("If-None-Match", feed.etag());
        }
        if (feed.lastModified() != null) {
            request.header("If-Modified-Since", feed.lastModified());
        }
        return request.build();
    }

    /**
     * The answer of the feed's server, following its redirects by hand: each hop must go to an address the server
     * may fetch from ({@link FeedAddresses}); null when one may not.
     */
    private HttpResponse<java.io.InputStream> send(FeedStore.Feed feed) throws IOException, InterruptedException {
        URI target = URI.create(feed.url());
        for (int hop = 0; ; hop++) {
            if (!addresses.allowed(target)) {
                return null;
            }
            HttpResponse<java.io.InputStream> answer =
                    http.send(request(target, feed), HttpResponse.BodyHandlers.ofInputStream());
            int status = answer.statusCode();
            java.util.Optional<String> location = answer.headers().firstValue("Location");
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (!redirect || location.isEmpty() || hop >= MAX_REDIRECTS) {
                return answer;
            }
            closeQuietly(answer.body());
            target = target.resolve(location.get());
        }
    }

    /** Fetches one feed now; returns the number of new items (-1 when it failed). */
    int fetch(FeedStore.Feed feed) {
        String error;
        java.util.concurrent.atomic.AtomicBoolean cutOff = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledFuture<?> deadline = null;
        try {
            // HttpRequest.timeout bounds only the wait for the headers: the body gets the same time once they came,
            // after which the stream is closed under the reader — a server that sends headers and then trickles the
            // body would otherwise hold this thread, and the scheduled jobs that share it, for ever. The body is read
            // only up to MAX_BODY (+1 byte to know it was longer): a feed server cannot fill the heap either.
            HttpResponse<java.io.InputStream> answer = send(feed);
            if (answer == null) {
                throw new FeedAddressRefused();
            }
            java.io.InputStream stream = answer.body();
            deadline = WATCHDOG.schedule(
                    () -> {
                        cutOff.set(true);
                        closeQuietly(stream);
                    },
                    timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            byte[] body = readBounded(stream);
            if (cutOff.get()) {
                throw new HttpTimeoutException("the body did not arrive within " + timeout);
            }
            int status = answer.statusCode();
            if (status == 304) {
                store.succeeded(feed.id(), feed.etag(), feed.lastModified(), clock.instant(), next(0));
                return 0;
            }
            if (status == 200) {
                if (body == null) {
                    error = "UNREACHABLE"; // the connection broke while the body was read
                } else if (body.length > MAX_BODY) {
                    error = "TOO_LARGE";
                } else {
                    List<FeedParser.Item> items = FeedParser.parse(body, zone.zoneId());
                    int added = store.addItems(feed.id(), items, clock.instant());
                    store.succeeded(
                            feed.id(),
                            answer.headers().firstValue("ETag").orElse(null),
                            answer.headers().firstValue("Last-Modified").orElse(null),
                            clock.instant(),
                            next(0));
                    return added;
                }
            } else {
                error = "HTTP_" + status;
            }
        } catch (FeedAddressRefused e) {
            error = "ADDRESS_REFUSED";
        } catch (HttpTimeoutException e) {
            error = "TIMEOUT";
        } catch (FeedParser.NotAFeed e) {
            error = "NOT_A_FEED";
        } catch (IOException | IllegalArgumentException e) {
            error = "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "INTERRUPTED";
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        int failures = feed.failures() + 1;
        store.failed(feed.id(), error, failures, clock.instant(), next(failures));
        log.info("Feed {} failed ({}), {} in a row", feed.id(), error, failures);
        return -1;
    }

    /** When to fetch again: the interval, doubled per failure in a row, at most {@code max-backoff}. */
    Instant next(int failures) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return clock.instant().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }

    /** The feed's URL, or a redirect, points at an address the server may not fetch from. */
    private static final class FeedAddressRefused extends RuntimeException {
        FeedAddressRefused() {
            super(null, null, false, false);
        }
    }

    /** Closes the body streams of fetches past their deadline (one daemon thread for all feeds). */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("feed-deadline").daemon().factory());

    private static void closeQuietly(java.io.InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the reader sees its stream end either way
        }
    }

    private static byte @org.jspecify.annotations.Nullable [] readBounded(java.io.InputStream body) {
        try (body) {
            return body.readNBytes((int) MAX_BODY + 1);
        } catch (IOException e) {
            return null;
        }
    }
}
