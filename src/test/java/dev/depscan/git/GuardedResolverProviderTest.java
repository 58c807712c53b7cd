package dev.depscan.git;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GuardedResolverProviderTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "mixed.example", List.of("93.184.216.34", "10.0.0.7"),
            "rebound.example", List.of("127.0.0.1", "169.254.169.254"));

    private final InetAddressResolver resolver = GuardedResolverProvider.guarded(new FakeDns());
    private final UrlPolicy publicOnly = new UrlPolicy(new UrlPolicy.Settings(List.of("*"), true, false));

    @Test
    void keepsOnlyAllowedAddressesInsideAGuardedFetch() throws Exception {
        List<InetAddress> kept = AddressGuard.during(publicOnly::mayConnectTo, () -> lookup("mixed.example"));

        assertThat(kept.stream().map(InetAddress::getHostAddress).toList(), contains("93.184.216.34"));
    }

    @Test
    void failsTheLookupWhenNoAddressIsAllowed() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> AddressGuard.during(publicOnly::mayConnectTo, () -> lookup("rebound.example")));

        assertThat(e.getCause() instanceof GuardedResolverProvider.AddressNotAllowed, is(true));
        assertThat(e.getCause().getMessage(), containsString("rebound.example"));
        assertThat("cleared when the guarded task ends", AddressGuard.refusedHost().isPresent(), is(false));
    }

    @Test
    void leavesLookupsOutsideAGuardedFetchAlone() throws Exception {
        assertThat(lookup("rebound.example").size(), is(2));
    }

    @Test
    void turnsOffTheJdkAddressCacheSoNoAnswerBypassesTheGuard() {
        new GuardedResolverProvider();

        assertThat(java.security.Security.getProperty("networkaddress.cache.ttl"), is("0"));
        assertThat(java.security.Security.getProperty("networkaddress.cache.negative.ttl"), is("0"));
    }

    private List<InetAddress> lookup(String host) {
        try {
            return resolver.lookupByName(host, InetAddressResolver.LookupPolicy.of(
                    InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6)).toList();
        } catch (UnknownHostException e) {
            throw new RuntimeException(e);
        }
    }

    /** A built-in resolver that answers from {@link #DNS}. */
    private static final class FakeDns implements InetAddressResolver {

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            List<String> addresses = DNS.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(GuardedResolverProviderTest::literal);
        }

        @Override
        public String lookupByAddress(byte[] addr) throws UnknownHostException {
            throw new UnknownHostException();
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
