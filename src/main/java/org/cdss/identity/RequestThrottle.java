package org.cdss.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cdss.shared.DomainException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits for login and portal registration (ADR 0013): a token bucket per client address and one per account
 * (the normalised username), in memory, per instance. A bucket holds {@code attempts} tokens and refills them
 * evenly over {@code window}; an attempt takes one token from each of its buckets, and when either is empty the
 * attempt is refused with 429 {@code identity.throttled} and {@code Retry-After}. Full buckets are dropped every
 * minute, so the map holds only keys that were used recently. The per-account login lockout
 * ({@link UserAccount#MAX_FAILED_LOGINS}) stays as it is; this limit sits in front of it.
 */
@Component
class RequestThrottle {

    /** {@code cdss.throttle.login.per-ip.attempts}, {@code …per-ip.window}, {@code …per-account…}, same for register. */
    @ConfigurationProperties("cdss.throttle")
    record Properties(Action login, Action register) {
        Properties {
            login = login == null
                    ? new Action(new Limit(60, Duration.ofMinutes(1)), new Limit(10, Duration.ofMinutes(1)))
                    : login;
            register = register == null
                    ? new Action(new Limit(20, Duration.ofHours(1)), new Limit(5, Duration.ofMinutes(15)))
                    : register;
        }
    }

    record Action(Limit perIp, Limit perAccount) {}

    record Limit(int attempts, Duration window) {
        Limit {
            if (attempts < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("cdss.throttle: attempts >= 1 and a positive window");
            }
        }

        double perNano() {
            return attempts / (double) window.toNanos();
        }
    }

    /** Thrown when an attempt is over the limit; {@link #retryAfterSeconds()} goes into the Retry-After header. */
    static final class Throttled extends DomainException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super(IdentityProblem.THROTTLED);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long at;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.attempts();
            this.at = now;
        }

        /** Refills up to now; 0 if a token is there, else the nanoseconds until one is. */
        synchronized long refill(long now) {
            tokens = Math.min(limit.attempts(), tokens + (now - at) * limit.perNano());
            at = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / limit.perNano());
        }

        synchronized void take() {
            tokens -= 1;
        }

        synchronized boolean full(long now) {
            return tokens + (now - at) * limit.perNano() >= limit.attempts();
        }
    }

    private final Properties properties;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestThrottle(Properties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    void login(String clientAddress, String username) {
        acquire("login", properties.login(), clientAddress, username);
    }

    void register(String clientAddress, String username) {
        acquire("register", properties.register(), clientAddress, username);
    }

    private void acquire(String action, Action limits, String clientAddress, String username) {
        long now = nanos();
        Bucket ip = buckets.computeIfAbsent(action + "|ip|" + clientAddress, k -> new Bucket(limits.perIp(), now));
        Bucket account =
                buckets.computeIfAbsent(action + "|account|" + username, k -> new Bucket(limits.perAccount(), now));
        // both buckets under one lock order (ip, then account) so that a refused attempt takes from neither
        synchronized (ip) {
            synchronized (account) {
                long wait = Math.max(ip.refill(now), account.refill(now));
                if (wait > 0) {
                    throw new Throttled(Math.max(1, Duration.ofNanos(wait).toSeconds() + 1));
                }
                ip.take();
                account.take();
            }
        }
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        long now = nanos();
        buckets.values().removeIf(b -> b.full(now));
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
