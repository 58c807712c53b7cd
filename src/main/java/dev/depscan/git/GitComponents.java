package dev.depscan.git;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds the Git components from the {@code depscan.git.*} and {@code depscan.data.dir} keys. */
@ApplicationScoped
class GitComponents {

    @Produces
    @Singleton
    UrlPolicy urlPolicy(@ConfigProperty(name = "depscan.git.allowed-hosts") String allowedHosts,
                        @ConfigProperty(name = "depscan.git.allow-http", defaultValue = "false") boolean allowHttp,
                        @ConfigProperty(name = "depscan.git.allow-private-addresses", defaultValue = "false")
                        boolean allowPrivateAddresses,
                        @ConfigProperty(name = "depscan.git.max-url-length", defaultValue = "2048") int maxUrlLength) {
        List<String> hosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .toList();
        return new UrlPolicy(new UrlPolicy.Settings(hosts, allowHttp, allowPrivateAddresses, maxUrlLength));
    }

    @Produces
    @Singleton
    RepositoryFetcher fetcher(UrlPolicy urlPolicy, @ConfigProperty(name = "depscan.data.dir") String dataDir,
                              @ConfigProperty(name = "depscan.git.io-timeout-seconds", defaultValue = "60")
                              long ioTimeoutSeconds,
                              @ConfigProperty(name = "depscan.git.max-transfer-bytes", defaultValue = "1073741824")
                              long maxTransferBytes,
                              @ConfigProperty(name = "depscan.git.tokens") Optional<String> tokens) {
        return new RepositoryFetcher(Path.of(dataDir).toAbsolutePath().resolve("repositories"),
                                     Duration.ofSeconds(ioTimeoutSeconds), urlPolicy::mayConnectTo,
                                     maxTransferBytes, tokens.map(HostTokens::parse).orElse(HostTokens.NONE));
    }

    /** One cache for the application: its bookkeeping must see every checkout of the cache directory. */
    @Produces
    @Singleton
    RepositoryCache repositoryCache(RepositoryFetcher fetcher, RepositoryCache.CacheListener listener,
                                    @ConfigProperty(name = "depscan.git.cache.max-entries", defaultValue = "10")
                                    int maxEntries,
                                    @ConfigProperty(name = "depscan.git.cache.max-bytes", defaultValue = "10737418240")
                                    long maxBytes,
                                    @ConfigProperty(name = "depscan.git.cache.ttl-minutes", defaultValue = "1440")
                                    long ttlMinutes) {
        return new RepositoryCache(fetcher, new RepositoryCache.Limits(maxEntries, maxBytes, Duration.ofMinutes(ttlMinutes)),
                                   Clock.systemUTC(), listener);
    }
}
