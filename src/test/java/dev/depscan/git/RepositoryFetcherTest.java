package dev.depscan.git;

import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepositoryFetcherTest {

    @TempDir
    Path temp;

    private GitHttpTestServer server;
    private TestRepositories repos;
    private Path cache;
    private RepositoryFetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        Path root = Files.createDirectories(temp.resolve("served"));
        cache = temp.resolve("cache");
        server = GitHttpTestServer.start(root);
        repos = new TestRepositories(root);
        fetcher = new RepositoryFetcher(cache, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RepositoryUrl url(String repo) {
        URI uri = URI.create(server.url(repo));
        return new RepositoryUrl(uri, uri.toString().replaceFirst("\\.git$", ""));
    }

    private static FetchListener recording(List<Integer> progress) {
        return new FetchListener() {
            @Override
            public void onProgress(int percent) {
                progress.add(percent);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private List<Path> cacheEntries() throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.toList();
        }
    }

    /** Files whose pack is about {@code count * bytes} big, so throttling the server makes a fetch take a while. */
    private static TestRepositories.Tree incompressibleFiles(int count, int bytes) {
        Random random = new Random(42);
        TestRepositories.Tree tree = new TestRepositories.Tree();
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[bytes];
            random.nextBytes(content);
            tree.file("src/file" + i + ".bin", content);
        }
        return tree;
    }

    @Test
    void fetchesTheDefaultBranchWhenNoRefIsGiven() {
        String main = repos.commit("app", "main", Map.of("pom.xml", "<project/>"));
        repos.commit("app", "feature", Map.of("other.txt", "x"));

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(fetched.commitId(), is(main));
        assertThat(fetched.resolvedRef(), is("refs/heads/main"));
    }

    @Test
    void followsTheRemoteHeadWhenTheDefaultBranchIsNotMain() {
        repos.commit("app", "main", Map.of("a", "1"));
        String develop = repos.commit("app", "develop", Map.of("b", "2"));
        repos.setDefaultBranch("app", "develop");

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(fetched.commitId(), is(develop));
        assertThat(fetched.resolvedRef(), is("refs/heads/develop"));
    }

    @Test
    void fetchesANamedBranch() {
        repos.commit("app", "main", Map.of("a", "1"));
        String feature = repos.commit("app", "feature", Map.of("b", "2"));

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of("feature"), FetchListener.none());

        assertThat(fetched.commitId(), is(feature));
        assertThat(fetched.resolvedRef(), is("refs/heads/feature"));
    }

    @Test
    void fetchesAFullRefName() {
        String main = repos.commit("app", "main", Map.of("a", "1"));

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of("refs/heads/main"), FetchListener.none());

        assertThat(fetched.commitId(), is(main));
    }

    @Test
    void fetchesALightweightTag() {
        String first = repos.commit("app", "main", Map.of("a", "1"));
        repos.commit("app", "main", Map.of("a", "2"));
        repos.tag("app", "v1.0", first);

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of("v1.0"), FetchListener.none());

        assertThat(fetched.commitId(), is(first));
        assertThat(fetched.resolvedRef(), is("refs/tags/v1.0"));
    }

    @Test
    void fetchesAnAnnotatedTagAsTheCommitItTags() {
        String first = repos.commit("app", "main", Map.of("a", "1"));
        repos.commit("app", "main", Map.of("a", "2"));
        String tagObject = repos.annotatedTag("app", "v2", first);

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of("v2"), FetchListener.none());

        assertThat(fetched.commitId(), is(first));
        assertThat(fetched.commitId(), is(not(tagObject)));
    }

    @Test
    void prefersABranchOverATagOfTheSameName() {
        String first = repos.commit("app", "main", Map.of("a", "1"));
        String second = repos.commit("app", "same", Map.of("a", "2"));
        repos.tag("app", "same", first);

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of("same"), FetchListener.none());

        assertThat(fetched.commitId(), is(second));
        assertThat(fetched.resolvedRef(), is("refs/heads/same"));
    }

    @Test
    void fetchesAnOlderCommitByItsFullId() {
        String first = repos.commit("app", "main", Map.of("a", "1"));
        repos.commit("app", "main", Map.of("a", "2"));

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.of(first.toUpperCase()), FetchListener.none());

        assertThat(fetched.commitId(), is(first));
        assertThat(fetched.resolvedRef(), is(first));
    }

    @Test
    void reportsAnUnknownCommitIdAsNotFound() {
        repos.commit("app", "main", Map.of("a", "1"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("app"), Optional.of("0123456789abcdef0123456789abcdef01234567"),
                        FetchListener.none()));

        assertThat(e.getMessage(), e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(e.getMessage(), containsString("commit"));
    }

    @Test
    void reportsAnUnknownRepositoryAsNotFoundAndLeavesNoCacheEntry() throws IOException {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("missing"), Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(e.getMessage(), containsString("/missing"));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void reportsAnUnknownRefAsNotFound() throws IOException {
        repos.commit("app", "main", Map.of("a", "1"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("app"), Optional.of("no-such-branch"), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(e.getMessage(), containsString("'no-such-branch'"));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void hintsAtFullIdsForAnAbbreviatedCommit() {
        String first = repos.commit("app", "main", Map.of("a", "1"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("app"), Optional.of(first.substring(0, 7)), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(e.getMessage(), containsString("40-character"));
    }

    @Test
    void rejectsARefThatIsNotAValidRefName() {
        repos.commit("app", "main", Map.of("a", "1"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("app"), Optional.of("main:refs/heads/evil"), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(server.requestLog().toString(), not(containsString("evil")));
    }

    @Test
    void reportsARepositoryThatWantsCredentialsAsNotFound() {
        repos.commit("private", "main", Map.of("a", "1"));
        server.requireCredentials("private");

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("private"), Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(e.getMessage(), containsString("not public"));
    }

    @Test
    void fetchesAPrivateRepositoryWithTheTokenOfItsHostOnly() {
        String commit = repos.commit("private", "main", Map.of("a", "1"));
        repos.commit("public", "main", Map.of("b", "2"));
        server.requireToken("private", "s3cret-token");
        RepositoryFetcher withToken = new RepositoryFetcher(cache, Duration.ofSeconds(5), address -> true,
                RepositoryFetcher.DEFAULT_MAX_TRANSFER_BYTES, HostTokens.parse("127.0.0.1=s3cret-token"));
        RepositoryFetcher otherHost = new RepositoryFetcher(temp.resolve("other"), Duration.ofSeconds(5),
                address -> true, RepositoryFetcher.DEFAULT_MAX_TRANSFER_BYTES,
                HostTokens.parse("github.com=s3cret-token"));

        assertThat(withToken.fetch(url("private"), Optional.empty(), FetchListener.none()).commitId(), is(commit));
        assertThat(server.authorizations().getLast(), is("x-access-token:s3cret-token"));
        FetchException refused = assertThrows(FetchException.class,
                () -> otherHost.fetch(url("private"), Optional.empty(), FetchListener.none()));
        assertThat(refused.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
        assertThat(refused.getMessage(), not(containsString("s3cret")));
        assertThat(HostTokens.parse("github.com=s3cret-token").toString(), not(containsString("s3cret")));
    }

    @Test
    void fetchesWhatTheUrlPolicyAcceptedAndScansItWithoutACheckout() {
        String other = repos.commit("lib", "main", Map.of("x", "y"));
        repos.commit("app", "main", new TestRepositories.Tree()
                .file("package.json", "{\"name\": \"app\"}")
                .file("src/index.js", "require('left-pad')")
                .symlink("evil", "/etc/passwd")
                .gitlink("vendor/lib", other), "app");
        UrlPolicy policy = new UrlPolicy(new UrlPolicy.Settings(List.of("127.0.0.1"), true, true));

        RepositoryUrl url = policy.check(server.url("app"));
        FetchedRepository fetched = fetcher.fetch(url, Optional.empty(), FetchListener.none());

        try (GitTreeFileSource files = GitTreeFileSource.open(fetched.gitDir(), fetched.commitId())) {
            assertThat(files.paths(), contains("package.json", "src/index.js"));
            assertThat(new String(files.read("src/index.js", 100)), is("require('left-pad')"));
        }
    }

    @Test
    void reportsAnEmptyRepositoryAsNotFound() throws IOException {
        Repository empty = new FileRepositoryBuilder().setGitDir(repos.bareDir("empty").toFile()).setBare().build();
        empty.create(true);
        empty.close();

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(url("empty"), Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.REPOSITORY_NOT_FOUND));
    }

    @Test
    void reportsConnectionRefusedAsCloneFailedWithoutLocalPaths() throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + GitHttpTestServer.unusedPort() + "/app.git");
        RepositoryUrl closed = new RepositoryUrl(uri, "http://127.0.0.1/app");

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(closed, Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.CLONE_FAILED));
        assertThat(e.getMessage(), not(containsString(temp.toString())));
        assertThat(e.getCause(), is(not(equalTo(null))));
        assertThat(cacheEntries(), is(empty()));
    }

    /**
     * DNS rebinding: the URL policy saw a public address when the job was submitted; when the fetch resolves the name
     * again, the connect-time guard refuses what it gets now. The name is this machine's own host name (every machine
     * resolves it, without DNS), and the guard refuses every address, whichever that name resolves to.
     */
    @Test
    void refusesAtConnectTimeAHostThatNowResolvesToAForbiddenAddress() throws IOException {
        repos.commit("app", "main", Map.of("a", "1"));
        String host = InetAddress.getLocalHost().getHostName();
        UrlPolicy.Resolver firstAnswerPublic = name -> List.of(InetAddress.getByName("93.184.216.34"));
        UrlPolicy policy = new UrlPolicy(new UrlPolicy.Settings(List.of(host), true, false), firstAnswerPublic);
        RepositoryUrl checked = policy.check("http://" + host + ":" + server.port() + "/app.git");
        RepositoryFetcher guarded = new RepositoryFetcher(cache, Duration.ofSeconds(5), address -> false);
        assertThat("unguarded, the name resolves", InetAddress.getAllByName(host).length > 0, is(true));
        server.resetRequestCount();

        FetchException e = assertThrows(FetchException.class,
                () -> guarded.fetch(checked, Optional.empty(), FetchListener.none()));

        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t).append(" <- ");
        }
        assertThat(chain.toString(), e.reason(), is(FetchException.Reason.ADDRESS_NOT_ALLOWED));
        assertThat(e.getMessage(), containsString("may not be fetched from"));
        assertThat("no request reached the server", server.requestLog(), is(empty()));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void stopsReceivingARepositoryLargerThanTheTransferLimit() throws IOException {
        repos.commit("big", "main", incompressibleFiles(400, 1000), "about 400 kB of pack");
        repos.commit("small", "main", Map.of("a", "1"));
        RepositoryFetcher limited = new RepositoryFetcher(cache, Duration.ofSeconds(5), address -> true, 100_000);

        FetchException e = assertThrows(FetchException.class,
                () -> limited.fetch(url("big"), Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.TOO_LARGE));
        assertThat(e.getMessage(), containsString("100000 bytes"));
        assertThat(e.getMessage(), not(containsString(temp.toString())));
        assertThat(cacheEntries(), is(empty()));
        assertThat("a repository under the limit still fetches",
                   limited.fetch(url("small"), Optional.empty(), FetchListener.none()).commitId().length(), is(40));
    }

    @Test
    void reportsASilentServerAsTimedOut() {
        repos.commit("app", "main", Map.of("a", "1"));
        server.setResponseDelay(Duration.ofSeconds(4));
        RepositoryFetcher impatient = new RepositoryFetcher(cache, Duration.ofSeconds(1));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class,
                () -> impatient.fetch(url("app"), Optional.empty(), FetchListener.none()));

        assertThat(e.reason(), is(FetchException.Reason.CLONE_FAILED));
        assertThat(e.getMessage(), containsString("timed out"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), is(lessThan(3900L)));
    }

    @Test
    void reportsProgressThatNeverGoesBackwardsAndEndsAtHundred() {
        repos.commit("big", "main", incompressibleFiles(300, 500), "many files");
        server.setThrottle(4096, Duration.ofMillis(20));
        List<Integer> progress = new CopyOnWriteArrayList<>();

        fetcher.fetch(url("big"), Optional.empty(), recording(progress));

        assertThat(progress.get(0), is(0));
        assertThat(progress.get(progress.size() - 1), is(100));
        assertThat(progress.toString(), progress.stream().anyMatch(p -> p > 10 && p < 100), is(true));
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.toString(), progress.get(i), is(greaterThanOrEqualTo(progress.get(i - 1))));
        }
    }

    @Test
    void cancellingAbortsASlowFetchAndLeavesNoCacheEntry() throws Exception {
        repos.commit("slow", "main", incompressibleFiles(200, 1000), "many files");
        server.setThrottle(512, Duration.ofMillis(100));
        AtomicBoolean cancel = new AtomicBoolean();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        FetchListener listener = new FetchListener() {
            @Override
            public void onProgress(int percent) {
                progress.add(percent);
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        RepositoryFetcher patient = new RepositoryFetcher(cache, Duration.ofSeconds(60));

        CompletableFuture<FetchedRepository> running = CompletableFuture.supplyAsync(
                () -> patient.fetch(url("slow"), Optional.empty(), listener));
        Thread.sleep(1500);
        long cancelledAt = System.nanoTime();
        cancel.set(true);
        Exception e = assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS));

        assertThat(e.getCause() instanceof FetchException f ? f.reason() : e, is(FetchException.Reason.CANCELLED));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt), is(lessThan(3000L)));
        assertThat(progress, not(contains(100)));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void interruptingTheCallerCancelsTheFetch() throws Exception {
        repos.commit("app", "main", Map.of("a", "1"));
        server.setResponseDelay(Duration.ofSeconds(20));
        List<Object> outcome = new CopyOnWriteArrayList<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());
                outcome.add("fetched");
            } catch (FetchException e) {
                outcome.add(e.reason());
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        Thread.sleep(500);
        caller.interrupt();
        caller.join(5000);

        assertThat(caller.isAlive(), is(false));
        assertThat(outcome, contains(FetchException.Reason.CANCELLED, true));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void reusesTheCachedRepositoryAndSeesNewCommits() throws IOException {
        repos.commit("app", "main", Map.of("a", "1"));
        FetchedRepository first = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());
        String pushed = repos.commit("app", "main", Map.of("a", "2"));

        FetchedRepository second = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(second.gitDir(), is(first.gitDir()));
        assertThat(second.commitId(), is(pushed));
        assertThat(cacheEntries(), contains(first.gitDir()));
    }

    @Test
    void sameRepositoryUnderAnotherSpellingSharesTheCacheEntry() {
        repos.commit("app", "main", Map.of("a", "1"));
        RepositoryUrl plain = url("app");
        RepositoryUrl trailingSlash = new RepositoryUrl(URI.create(server.url("app") + "/"), plain.normalized());

        Path first = fetcher.fetch(plain, Optional.empty(), FetchListener.none()).gitDir();
        Path second = fetcher.fetch(trailingSlash, Optional.empty(), FetchListener.none()).gitDir();

        assertThat(second, is(first));
    }

    @Test
    void fetchesIntoABareShallowRepositoryWithoutAWorkTree() throws IOException {
        String first = repos.commit("app", "main", Map.of("a", "1"));
        String second = repos.commit("app", "main", Map.of("a", "2", "b", "3"));

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(fetched.gitDir().getParent(), is(cache.toAbsolutePath()));
        assertThat(Files.isRegularFile(fetched.gitDir().resolve("shallow")), is(true));
        assertThat(Files.readString(fetched.gitDir().resolve("shallow")).trim(), is(second));
        assertThat(Files.exists(fetched.gitDir().resolve("a")), is(false));
        assertThat(Files.exists(fetched.gitDir().resolve(".git")), is(false));
        try (Repository repository = new FileRepositoryBuilder().setGitDir(fetched.gitDir().toFile()).build()) {
            assertThat(repository.isBare(), is(true));
            assertThat(repository.getObjectDatabase().has(ObjectId.fromString(second)), is(true));
            assertThat(repository.getObjectDatabase().has(ObjectId.fromString(first)), is(false));
        }
    }

    @Test
    void replacesACorruptCacheEntry() throws IOException {
        String main = repos.commit("app", "main", Map.of("a", "1"));
        Path dir = fetcher.directoryOf(url("app"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("HEAD"), "garbage");
        Files.writeString(dir.resolve("config"), "[[[ not a config");

        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(fetched.commitId(), is(main));
        assertThat(fetched.gitDir(), is(dir));
    }

    @Test
    void refetchesWhenTheCachedObjectsAreGone() throws IOException {
        repos.commit("app", "main", Map.of("a", "1"));
        FetchedRepository first = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());
        try (Stream<Path> objects = Files.walk(first.gitDir().resolve("objects"))) {
            List<Path> files = new ArrayList<>(objects.filter(Files::isRegularFile).toList());
            for (Path file : files) {
                Files.delete(file);
            }
        }
        String pushed = repos.commit("app", "main", Map.of("a", "2"));

        FetchedRepository second = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        assertThat(second.commitId(), is(pushed));
        try (GitTreeFileSource files = GitTreeFileSource.open(second.gitDir(), second.commitId())) {
            assertThat(new String(files.read("a", 10)), is("2"));
        }
    }

    @Test
    void deleteRemovesTheCacheEntry() throws IOException {
        repos.commit("app", "main", Map.of("a", "1"));
        FetchedRepository fetched = fetcher.fetch(url("app"), Optional.empty(), FetchListener.none());

        fetcher.delete(url("app"));

        assertThat(Files.exists(fetched.gitDir()), is(false));
        assertThat(cacheEntries(), is(empty()));
    }

    @Test
    void refusesNonHttpUrls() {
        RepositoryUrl local = new RepositoryUrl(URI.create("file:///etc/repo.git"), "file:///etc/repo");

        assertThrows(IllegalArgumentException.class, () -> fetcher.fetch(local, Optional.empty(), FetchListener.none()));
    }
}
