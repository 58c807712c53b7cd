package dev.depscan.git;

import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

class RepositoryCacheTest {

    private static final Duration TTL = Duration.ofHours(24);

    @TempDir
    Path temp;

    private GitHttpTestServer server;
    private TestRepositories repos;
    private Path cacheDir;
    private RepositoryFetcher fetcher;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path root = Files.createDirectories(temp.resolve("served"));
        cacheDir = temp.resolve("cache");
        server = GitHttpTestServer.start(root);
        repos = new TestRepositories(root);
        fetcher = new RepositoryFetcher(cacheDir, Duration.ofSeconds(10));
        for (String name : List.of("a", "b", "c")) {
            repos.commit(name, "main", java.util.Map.of("requirements.txt", name + "-lib\n"));
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void reportsAMissThenAHitForTheSameRepository() {
        RepositoryCache cache = cache(10, Long.MAX_VALUE);

        checkout(cache, "a");
        checkout(cache, "a");

        assertThat(events, contains("miss", "hit"));
        assertThat(cache.size(), is(1));
    }

    @Test
    void evictsTheLeastRecentlyUsedRepositoryBeyondMaxEntries() throws IOException {
        RepositoryCache cache = cache(2, Long.MAX_VALUE);

        checkout(cache, "a");
        clock.advance(Duration.ofMinutes(1));
        checkout(cache, "b");
        clock.advance(Duration.ofMinutes(1));
        checkout(cache, "a");
        clock.advance(Duration.ofMinutes(1));
        checkout(cache, "c");

        assertThat(cache.size(), is(2));
        assertThat(cachedDirs(), is(List.of(dirOf("a"), dirOf("c")).stream().sorted().toList()));
        assertThat(events.stream().filter("evicted"::equals).count(), is(1L));
    }

    @Test
    void neverEvictsARepositoryWhileALeaseHoldsIt() throws IOException {
        RepositoryCache cache = cache(1, Long.MAX_VALUE);

        try (RepositoryCache.Lease held = cache.checkout(url("a"), Optional.empty(), FetchListener.none())) {
            checkout(cache, "b");

            assertThat(Files.isDirectory(held.repository().gitDir()), is(true));
            try (GitTreeFileSource source = GitTreeFileSource.open(held.repository().gitDir(),
                                                                   held.repository().commitId())) {
                assertThat(source.paths(), contains("requirements.txt"));
            }
            assertThat(cachedDirs(), contains(dirOf("a")));
        }
        assertThat(cache.size(), is(1));
    }

    @Test
    void removesRepositoriesUnusedForLongerThanTheTtl() throws IOException {
        RepositoryCache cache = cache(10, Long.MAX_VALUE);
        checkout(cache, "a");
        clock.advance(TTL.minusMinutes(1));
        checkout(cache, "b");

        clock.advance(Duration.ofMinutes(2));
        int removed = cache.enforceLimits();

        assertThat(removed, is(1));
        assertThat(cachedDirs(), contains(dirOf("b")));
    }

    @Test
    void keepsTotalBytesUnderTheLimitOnceLeasesEnd() throws IOException {
        RepositoryCache cache = cache(10, 1);

        try (RepositoryCache.Lease lease = cache.checkout(url("a"), Optional.empty(), FetchListener.none())) {
            assertThat(cache.bytes() > 1, is(true));
            assertThat(cachedDirs(), contains(dirOf("a")));
        }

        assertThat(cachedDirs(), is(List.of()));
        assertThat(cache.size(), is(0));
    }

    @Test
    void adoptsRepositoriesLeftByAnEarlierRunAndExpiresOldOnes() throws IOException {
        checkout(cache(10, Long.MAX_VALUE), "a");

        RepositoryCache restarted = cache(10, Long.MAX_VALUE);
        assertThat(restarted.size(), is(1));
        checkout(restarted, "a");
        assertThat(events.getLast(), is("hit"));

        clock.set(Instant.now().plus(TTL).plusSeconds(60));
        RepositoryCache muchLater = cache(10, Long.MAX_VALUE);
        assertThat(muchLater.size(), is(0));
        assertThat(cachedDirs(), is(List.of()));
    }

    @Test
    void forgetsARepositoryWhoseFetchFailed() throws IOException {
        RepositoryCache cache = cache(10, Long.MAX_VALUE);

        try {
            cache.checkout(url("missing"), Optional.empty(), FetchListener.none()).close();
        } catch (FetchException e) {
            assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        }

        assertThat(cache.size(), is(0));
        assertThat(cachedDirs(), is(List.of()));
    }

    @Test
    void aRepeatedCheckoutOfAnUnchangedRepositoryOnlyAsksWhichCommitIsCurrent() {
        RepositoryCache cache = cache(10, Long.MAX_VALUE);
        checkout(cache, "a");
        server.resetRequestCount();

        checkout(cache, "a");

        assertThat(server.requestLog(), contains("GET /a.git/info/refs?service=git-upload-pack",
                                                 "POST /a.git/git-upload-pack"));
    }

    @Test
    void concurrentCheckoutsOfOneRepositoryTransferItOnce() throws Exception {
        Path soloCache = temp.resolve("solo");
        new RepositoryCache(new RepositoryFetcher(soloCache, Duration.ofSeconds(10)),
                            new RepositoryCache.Limits(10, Long.MAX_VALUE, TTL), clock, RepositoryCache.CacheListener.NONE)
                .checkout(url("a"), Optional.empty(), FetchListener.none()).close();
        int oneCheckout = server.requestLog().size();
        RepositoryCache cache = cache(10, Long.MAX_VALUE);
        server.setResponseDelay(Duration.ofMillis(300));
        server.resetRequestCount();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> commits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                commits.add(pool.submit(() -> {
                    start.await();
                    try (RepositoryCache.Lease lease = cache.checkout(url("a"), Optional.empty(), FetchListener.none())) {
                        return lease.repository().commitId();
                    }
                }));
            }
            start.countDown();
            assertThat(commits.get(0).get(30, TimeUnit.SECONDS), is(commits.get(1).get(30, TimeUnit.SECONDS)));
        }

        assertThat(server.requestLog().toString(), server.requestLog().size(), is(oneCheckout + 2));
        assertThat(cache.size(), is(1));
    }

    private RepositoryCache cache(int maxEntries, long maxBytes) {
        return new RepositoryCache(fetcher, new RepositoryCache.Limits(maxEntries, maxBytes, TTL), clock,
                                   new RepositoryCache.CacheListener() {
                                       @Override
                                       public void onCheckout(boolean hit) {
                                           events.add(hit ? "hit" : "miss");
                                       }

                                       @Override
                                       public void onEviction() {
                                           events.add("evicted");
                                       }
                                   });
    }

    private void checkout(RepositoryCache cache, String repo) {
        try (RepositoryCache.Lease lease = cache.checkout(url(repo), Optional.empty(), FetchListener.none())) {
            assertThat(lease.repository().commitId().length(), is(40));
        }
    }

    private RepositoryUrl url(String repo) {
        URI uri = URI.create(server.url(repo));
        return new RepositoryUrl(uri, uri.toString().replaceFirst("\\.git$", ""));
    }

    private Path dirOf(String repo) {
        return fetcher.directoryOf(url(repo));
    }

    private List<Path> cachedDirs() throws IOException {
        if (!Files.exists(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(cacheDir)) {
            return dirs.sorted().toList();
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
