package dev.depscan.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code depscan.auth.max-failures} failed authentications of one client
 * (address) for one name within {@code depscan.auth.failure-window-seconds}, further attempts of that pair are
 * answered {@code 429} until the oldest failure leaves the window. Keyed by the pair, so a guesser locks out neither
 * other clients nor the real owner of the name on another address. At most {@value #MAX_TRACKED} pairs are tracked
 * at once; beyond that the table is cleared rather than grown.
 */
@ApplicationScoped
public class AuthenticationThrottle {

    static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    AuthenticationThrottle(@ConfigProperty(name = "depscan.auth.max-failures", defaultValue = "10") int maxFailures,
                           @ConfigProperty(name = "depscan.auth.failure-window-seconds", defaultValue = "60")
                           long windowSeconds) {
        this(maxFailures, Duration.ofSeconds(windowSeconds), Clock.systemUTC());
    }

    AuthenticationThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("depscan.auth.max-failures and failure-window-seconds must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code client} must wait before trying {@code name} again; empty when it may try now. */
    public Optional<Duration> blocked(String client, String name) {
        Deque<Instant> recent = failures.get(key(client, name));
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    public void failed(String client, String name) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(client, name), k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
        }
    }

    /** A success ends the pair's record: the owner who mistyped is not held back. */
    public void succeeded(String client, String name) {
        failures.remove(key(client, name));
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant oldest = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
            recent.removeFirst();
        }
    }

    private static String key(String client, String name) {
        return client + "\u0000" + name;
    }
}
