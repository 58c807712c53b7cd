package dev.depscan.git;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.security.Security;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The JVM's name resolver, installed through {@code META-INF/services}: it delegates every lookup to the JDK's own
 * resolver and, on a thread running a fetch under an {@link AddressGuard}, keeps only the addresses the guard allows.
 * Lookups anywhere else in the service (a database host, say) are untouched.
 *
 * <p>The JDK caches lookups (30 s by default) in front of the resolver, and a cached answer would reach a guarded
 * fetch unfiltered; so loading this provider turns the JVM's address cache off. The JDK loads it at the first name
 * lookup, before it first reads its cache policy.
 */
public final class GuardedResolverProvider extends InetAddressResolverProvider {

    public GuardedResolverProvider() {
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        AddressGuard.markInstalled();
        return guarded(configuration.builtinResolver());
    }

    /** {@code builtin}, with the addresses of guarded lookups filtered. */
    static InetAddressResolver guarded(InetAddressResolver builtin) {
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Stream<InetAddress> addresses = builtin.lookupByName(host, policy);
                var guard = AddressGuard.current();
                if (guard.isEmpty()) {
                    return addresses;
                }
                Predicate<InetAddress> allowed = guard.get();
                List<InetAddress> kept = addresses.filter(allowed).toList();
                if (kept.isEmpty()) {
                    AddressGuard.refused(host);
                    throw new AddressNotAllowed(host);
                }
                return kept.stream();
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    /** A name that resolved, but only to forbidden addresses; {@link RepositoryFetcher} reports it as such. */
    static final class AddressNotAllowed extends UnknownHostException {

        AddressNotAllowed(String host) {
            super(host + ": resolves only to addresses that may not be fetched from");
        }
    }

    @Override
    public String name() {
        return "depscan-guarded";
    }
}
