package dev.depscan.job;

import dev.depscan.api.TestClients;
import dev.depscan.client.ApiClient;
import dev.depscan.client.api.JobsApi;
import dev.depscan.client.model.JobStatus;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A restart of the service: the embedded store already holds a pending job and a job that was running when the
 * previous process stopped (written before the service starts, as that process left them); the service queues both
 * again at start-up and completes them.
 */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.store", value = "embedded")
@AddConfig(key = "depscan.data.dir", value = RestartTest.DATA)
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
class RestartTest {

    static final String DATA = "target/test-data/restart";
    private static final GitHttpTestServer SERVER;

    static {
        try {
            Path data = Path.of(DATA);
            if (Files.exists(data)) {
                try (Stream<Path> walk = Files.walk(data)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Path root = Files.createTempDirectory("depscan-restart");
            new TestRepositories(root).commit("app", "main", Map.of("requirements.txt", "flask==3.0.3\n"));
            SERVER = GitHttpTestServer.start(root);
            String url = SERVER.url("app");
            JobStores stores = new JobStores();
            JobStore previousRun = stores.store("embedded", DATA);
            Instant then = Instant.now().minusSeconds(60);
            previousRun.insert(Job.pending("left-pending", TestClients.USER, url.replaceFirst("\\.git$", ""), url,
                                           Optional.empty(), then));
            previousRun.insert(Job.pending("left-running", TestClients.USER, url.replaceFirst("\\.git$", ""), url,
                                           Optional.empty(), then.plusSeconds(1))
                                       .running(JobState.Phase.SCANNING, then.plusSeconds(2)).progressed(55));
            stores.close(previousRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    private WebTarget target;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void completesTheJobsAPreviousProcessLeftPendingOrRunning() throws Exception {
        ApiClient client = TestClients.generated(target);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!(done(client, "left-pending") && done(client, "left-running"))) {
            assertThat("jobs ended in time", Instant.now().isBefore(deadline), is(true));
            Thread.sleep(100);
        }

        for (String id : new String[] {"left-pending", "left-running"}) {
            var job = new JobsApi(client).getJob(id);
            assertThat(String.valueOf(job.getError()), job.getStatus(), is(JobStatus.COMPLETED));
            assertThat(new JobsApi(client).getJobResults(id).getFindings().getFirst().getName(), is("flask"));
        }
        assertThat("each appears once in the history",
                   new JobsApi(client).listJobs(1, 100, null, null).getTotal(), is(2L));
    }

    private static boolean done(ApiClient client, String id) throws Exception {
        JobStatus status = new JobsApi(client).getJob(id).getStatus();
        return status != JobStatus.PENDING && status != JobStatus.RUNNING;
    }
}
