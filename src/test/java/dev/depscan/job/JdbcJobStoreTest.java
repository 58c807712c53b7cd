package dev.depscan.job;

import dev.depscan.classify.CategoryConfig;
import dev.depscan.classify.Classifier;
import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/**
 * The JDBC store against both real databases: an H2 file and the PostgreSQL server on 127.0.0.1:5432 (database
 * {@code test}, a schema of its own per test, dropped afterwards). The same behaviour as the in-memory store, and
 * everything survives a reopen.
 */
class JdbcJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path data;

    private static final String POSTGRES = System.getProperty("depscan.test.postgres",
                                                               "jdbc:postgresql://127.0.0.1:5432/test");

    private JobStores stores = new JobStores();
    private JobStore store;
    private final String schema = "depscan_test_" + Long.toHexString(System.nanoTime());

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            stores.close(store);
        }
        try (var c = java.sql.DriverManager.getConnection(POSTGRES, "postgres", "");
                var drop = c.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private JobStore open(String kind) {
        stores = new JobStores();
        return kind.equals("postgres")
                ? stores.postgres(POSTGRES, "postgres", "", 4, Optional.of(schema))
                : stores.store("embedded", data.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void keepsJobsStatesProgressAndResultsAcrossAReopen(String kind) {
        store = open(kind);
        Job job = Job.pending("j1", "alice", "https://example.test/r", "https://example.test/r.git",
                              Optional.of("main"), T0);
        store.insert(job);
        store.update("j1", j -> j.running(JobState.Phase.SCANNING, T0.plusSeconds(1)).progressed(40)
                .withCommit("0123456789abcdef0123456789abcdef01234567"));
        store.saveProgress("j1", new JobProgress(3, 7, 2, Optional.of("pom.xml"), T0.plusSeconds(2)));
        JobResult result = result();
        store.saveResult("j1", result);
        store.update("j1", j -> j.finished(new JobState.Completed(true), T0.plusSeconds(3)));
        Job before = store.find("j1").orElseThrow();
        stores.close(store);

        store = open(kind);

        Job after = store.find("j1").orElseThrow();
        assertThat(after, is(before));
        assertThat(after.state(), is(new JobState.Completed(true)));
        assertThat(after.progress(), is(100));
        assertThat(after.ref(), is(Optional.of("main")));
        assertThat(store.progress("j1").orElseThrow().currentFile(), is(Optional.of("pom.xml")));
        assertThat(store.result("j1").orElseThrow(), is(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void listsCountsFiltersAndPurgesLikeTheInMemoryStore(String kind) {
        store = open(kind);
        for (int i = 0; i < 5; i++) {
            store.insert(Job.pending("done-" + i, i % 2 == 0 ? "alice" : "bob", "https://example.test/r" + (i % 2),
                                     "https://example.test/r.git", Optional.empty(), T0.plusSeconds(i))
                                 .running(JobState.Phase.FETCHING, T0)
                                 .finished(new JobState.Failed(new JobFailure(FailureCode.CLONE_FAILED, "no")),
                                           T0.plusSeconds(10 + i)));
        }
        store.insert(Job.pending("waiting", "alice", "https://example.test/r0", "https://example.test/r.git",
                                 Optional.empty(), T0.plusSeconds(100)));

        assertThat(store.count("failed"), is(5L));
        assertThat(store.countUnfinished(), is(1L));
        JobPage page = store.list(new JobQuery(Optional.empty(), Optional.of("https://example.test/r0"), 1, 2)
                                          .ownedBy("alice"));
        assertThat(page.total(), is(4L));
        assertThat(page.jobs().stream().map(Job::id).toList(), contains("waiting", "done-4"));
        assertThat(store.list(new JobQuery(Optional.of("failed"), Optional.empty(), 2, 2)).jobs().stream()
                           .map(Job::id).toList(), contains("done-2", "done-1"));
        assertThat(store.find("done-0").orElseThrow().state(),
                   is(new JobState.Failed(new JobFailure(FailureCode.CLONE_FAILED, "no"))));

        int removed = store.purgeFinished(T0, 2);

        assertThat(removed, is(3));
        assertThat(store.find("done-4").isPresent() && store.find("done-3").isPresent(), is(true));
        assertThat(store.find("done-2").isPresent(), is(false));
        assertThat(store.find("waiting").isPresent(), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void findsAJobByItsOwnersIdempotencyKeyOnly(String kind) {
        store = open(kind);
        store.insert(Job.pending("k1", "alice", "https://example.test/r", "https://example.test/r.git", Optional.empty(),
                                 T0), "key-1");

        assertThat(store.findByIdempotencyKey("alice", "key-1").map(Job::id), is(Optional.of("k1")));
        assertThat(store.findByIdempotencyKey("bob", "key-1"), is(Optional.empty()));
        assertThat(store.findByIdempotencyKey("alice", "key-2"), is(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void updatesNothingForAnUnknownJob(String kind) {
        store = open(kind);

        assertThat(store.update("missing", j -> j.progressed(50)), is(Optional.empty()));
        assertThat(store.find("missing"), is(Optional.empty()));
    }

    private static JobResult result() {
        ScanReport report = new Scanner(ScannerOptions.defaults()).scan(
                new DirectoryFileSource(Path.of("src/test/resources/fixtures/manifest/docker/stack")), ScanListener.NONE);
        return new JobResult("0123456789abcdef0123456789abcdef01234567", Scanner.version(), report,
                             new Classifier(CategoryConfig.bundled()).classify(report),
                             T0.plusSeconds(3).truncatedTo(ChronoUnit.MILLIS));
    }
}
