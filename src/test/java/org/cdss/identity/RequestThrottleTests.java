package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token buckets of {@link RequestThrottle} and the shape of activation codes, without the application. */
class RequestThrottleTests {

    static final RequestThrottle.Properties LIMITS = new RequestThrottle.Properties(
            new RequestThrottle.Action(
                    new RequestThrottle.Limit(3, Duration.ofMinutes(1)),
                    new RequestThrottle.Limit(2, Duration.ofMinutes(1))),
            new RequestThrottle.Action(
                    new RequestThrottle.Limit(3, Duration.ofHours(1)),
                    new RequestThrottle.Limit(2, Duration.ofHours(1))));

    @Test
    void an_account_bucket_empties_refuses_with_retry_after_and_refills_over_its_window() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        RequestThrottle throttle = new RequestThrottle(LIMITS, Clock.fixed(start, ZoneOffset.UTC));
        throttle.login("10.0.0.1", "kim");
        throttle.login("10.0.0.1", "kim");
        assertThatThrownBy(() -> throttle.login("10.0.0.1", "kim"))
                .isInstanceOfSatisfying(RequestThrottle.Throttled.class, e -> {
                    assertThat(e.problem()).isEqualTo(IdentityProblem.THROTTLED);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 31L);
                });
        throttle.login("10.0.0.1", "lee"); // another account from the same address: its own bucket
        assertThatThrownBy(() -> throttle.login("10.0.0.1", "park")) // but the address's bucket is empty now
                .isInstanceOf(RequestThrottle.Throttled.class);
        throttle.login("10.0.0.2", "park"); // a refused attempt took no token from park's bucket

        RequestThrottle later = new RequestThrottle(LIMITS, Clock.fixed(start.plusSeconds(61), ZoneOffset.UTC));
        later.login("10.0.0.1", "kim");
    }

    @Test
    void buckets_refill_as_the_clock_moves() {
        Instant[] now = {Instant.parse("2026-12-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        RequestThrottle throttle = new RequestThrottle(LIMITS, clock);
        throttle.register("10.0.0.1", "a");
        throttle.register("10.0.0.1", "a");
        assertThatThrownBy(() -> throttle.register("10.0.0.1", "a")).isInstanceOf(RequestThrottle.Throttled.class);
        now[0] = now[0].plus(Duration.ofMinutes(31)); // one token back (2 per hour)
        throttle.register("10.0.0.1", "a");
        assertThatThrownBy(() -> throttle.register("10.0.0.1", "a")).isInstanceOf(RequestThrottle.Throttled.class);
        throttle.forgetIdle();
        assertThatThrownBy(() -> throttle.register("10.0.0.1", "a")).isInstanceOf(RequestThrottle.Throttled.class);
    }

    @Test
    void activation_codes_are_twelve_unambiguous_characters_grouped_by_four_and_typed_loosely() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = PortalActivation.newCode();
            assertThat(code).hasSize(12).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]+");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
        assertThat(PortalActivation.group("ABCDEFGHJKMN")).isEqualTo("ABCD-EFGH-JKMN");
        assertThat(PortalActivation.normalize(" abcd-efgh jkmn ")).isEqualTo("ABCDEFGHJKMN");
    }
}
