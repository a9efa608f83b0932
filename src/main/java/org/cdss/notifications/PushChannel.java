package org.cdss.notifications;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.cdss.identity.AccountStatus;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event connections of logged-in users, each tagged with the user's id, roles and departments so that a
 * message reaches exactly its audience. A heartbeat every 25 s keeps proxies from closing idle streams and removes
 * dead connections. A stream outlives the session it was opened with, so every {@code cdss.push.access-recheck}
 * (default one minute) the accounts behind the open streams are checked again ({@link AccountStatus}): a stream whose
 * user was deactivated or locked, or whose roles or departments changed, is closed.
 */
@Service
public class PushChannel {

    private static final Logger log = LoggerFactory.getLogger(PushChannel.class);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    /** A connected browser tab. */
    public record Subscriber(SseEmitter emitter, UUID userId, Set<Role> roles, Set<UUID> departmentIds) {}

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /**
     * Who opened each stream and when, as of the stream's start: what {@link #recheckAccess()} compares with the
     * account.
     */
    private final Map<Subscriber, AccountStatus.Opened> openedBy = new ConcurrentHashMap<>();

    private final AccountStatus accounts;
    private final Clock clock;

    PushChannel(AccountStatus accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    SseEmitter subscribe(CdssPrincipal user) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, user.userId(), user.roles(), user.departmentIds());
        subscribers.add(subscriber);
        openedBy.put(subscriber, new AccountStatus.Opened(user, clock.instant()));
        emitter.onCompletion(() -> forget(subscriber));
        emitter.onTimeout(() -> forget(subscriber));
        emitter.onError(e -> forget(subscriber));
        send(
                subscriber,
                SseEmitter.event().name("ready").data(java.util.Map.of("ok", true), MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Pushes {@code message} to every connected tab whose user matches {@code audience}. */
    public void publish(PushMessage message, Predicate<Subscriber> audience) {
        for (Subscriber subscriber : subscribers) {
            if (audience.test(subscriber)) {
                send(
                        subscriber,
                        SseEmitter.event().name(message.type()).data(message.payload(), MediaType.APPLICATION_JSON));
            }
        }
    }

    int connections() {
        return subscribers.size();
    }

    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        subscribers.forEach(s -> send(s, SseEmitter.event().comment("heartbeat")));
    }

    /** Closes the streams whose access was revoked since they were opened (a password change included). */
    @Scheduled(
            fixedDelayString = "${cdss.push.access-recheck:PT1M}",
            initialDelayString = "${cdss.push.access-recheck:PT1M}")
    void recheckAccess() {
        if (openedBy.isEmpty()) {
            return;
        }
        Set<AccountStatus.Opened> revoked;
        try {
            revoked = accounts.revoked(Set.copyOf(openedBy.values()));
        } catch (RuntimeException e) {
            log.warn(
                    "could not re-check the accounts of open push streams: {}",
                    e.getClass().getSimpleName());
            return;
        }
        openedBy.forEach((subscriber, opened) -> {
            if (revoked.contains(opened)) {
                forget(subscriber);
                subscriber.emitter().complete();
                log.info(
                        "closed the push stream of user {}: access changed",
                        opened.principal().userId());
            }
        });
    }

    private void forget(Subscriber subscriber) {
        subscribers.remove(subscriber);
        openedBy.remove(subscriber);
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            forget(subscriber);
            log.debug("dropped a closed push connection of user {}", subscriber.userId());
        }
    }
}
