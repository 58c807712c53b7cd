package dev.depscan.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class AuthenticationThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AuthenticationThrottle throttle = new AuthenticationThrottle(3, Duration.ofSeconds(60), clock);

    @Test
    void blocksAClientAndNameAfterTooManyFailuresUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("10.0.0.1", "alice"), is(Optional.empty()));
            throttle.failed("10.0.0.1", "alice");
            now = now.plusSeconds(10);
        }

        assertThat(throttle.blocked("10.0.0.1", "alice"), is(Optional.of(Duration.ofSeconds(30))));
        now = now.plusSeconds(31);
        assertThat(throttle.blocked("10.0.0.1", "alice"), is(Optional.empty()));
    }

    @Test
    void neverHoldsBackOtherClientsOrOtherNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.1", "alice");
        }

        assertThat(throttle.blocked("10.0.0.1", "alice").isPresent(), is(true));
        assertThat(throttle.blocked("10.0.0.2", "alice"), is(Optional.empty()));
        assertThat(throttle.blocked("10.0.0.1", "bob"), is(Optional.empty()));
    }

    @Test
    void forgetsFailuresAfterASuccess() {
        throttle.failed("10.0.0.1", "alice");
        throttle.failed("10.0.0.1", "alice");
        throttle.succeeded("10.0.0.1", "alice");
        throttle.failed("10.0.0.1", "alice");

        assertThat(throttle.blocked("10.0.0.1", "alice"), is(Optional.empty()));
    }
}
