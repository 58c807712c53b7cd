package dev.depscan.git;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides, at connect time, which addresses a fetch may reach: the {@link UrlPolicy} checks a host when a job is
 * submitted, but the fetch resolves the name again later, and a hostile DNS server can answer differently the second
 * time (DNS rebinding). Every name a fetch thread resolves passes through {@link GuardedResolverProvider}, which drops
 * the addresses the guard of that thread refuses; a name left with none fails to resolve, so the fetch fails before
 * any connection is made.
 */
final class AddressGuard {

    private static final ThreadLocal<Predicate<InetAddress>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> REFUSED = new ThreadLocal<>();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private AddressGuard() {
    }

    /** Runs {@code task} on this thread with {@code allowed} deciding every address it resolves. */
    static <T> T during(Predicate<InetAddress> allowed, Supplier<T> task) {
        Objects.requireNonNull(allowed, "allowed");
        if (!INSTALLED.get()) {
            throw new IllegalStateException("the guarded resolver is not installed: connect-time address checks would "
                                            + "be skipped (META-INF/services/java.net.spi.InetAddressResolverProvider)");
        }
        Predicate<InetAddress> outer = CURRENT.get();
        CURRENT.set(allowed);
        REFUSED.remove();
        try {
            return task.get();
        } finally {
            REFUSED.remove();
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The guard of the calling thread; empty outside {@link #during}. */
    static Optional<Predicate<InetAddress>> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The host whose every address the guard of this thread refused, if it did. The JDK replaces the resolver's
     * exception with a plain {@code UnknownHostException}, so this is how the fetch learns why a name did not resolve.
     */
    static Optional<String> refusedHost() {
        return Optional.ofNullable(REFUSED.get());
    }

    static void refused(String host) {
        REFUSED.set(host);
    }

    static void markInstalled() {
        INSTALLED.set(true);
    }

    /** Makes sure the JDK has loaded the resolver provider (it does so on the first name lookup of the JVM). */
    static boolean ensureInstalled() {
        if (!INSTALLED.get()) {
            try {
                InetAddress.getAllByName("depscan-resolver-probe.invalid");
            } catch (java.net.UnknownHostException e) {
                // .invalid never resolves; the lookup only makes the JDK load its resolver
            }
        }
        return INSTALLED.get();
    }
}
