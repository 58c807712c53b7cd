package dev.depscan.job;

import dev.depscan.api.TestClients;
import dev.depscan.client.ApiClient;
import dev.depscan.client.ApiException;
import dev.depscan.client.api.JobsApi;
import dev.depscan.client.api.ScanApi;
import dev.depscan.client.model.JobStatus;
import dev.depscan.client.model.ScanRequest;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** The default limits under a burst: twenty slow scans of twenty repositories with five slots. */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/job-concurrency")
@AddConfig(key = "depscan.git.cache.max-entries", value = "3")
@AddConfig(key = "depscan.events.heartbeat-seconds", value = "1")
class JobConcurrencyTest {

    private static final int JOBS = 20;

    private static GitHttpTestServer server;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void serveRepositories() throws IOException {
        Path root = Files.createTempDirectory("depscan-concurrency");
        TestRepositories repositories = new TestRepositories(root);
        for (int i = 0; i < JOBS; i++) {
            repositories.commit("repo" + i, "main", Map.of("requirements.txt", "flask==3.0." + i + "\n"));
        }
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void runsAtMostFiveScansAtOnceQueuesTheRestAndCompletesThemAll() throws Exception {
        server.setResponseDelay(Duration.ofMillis(250));
        ApiClient client = TestClients.generated(target);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url("repo" + i)), null).getJobId());
        }
        CompletableFuture<HttpResponse<String>> lastJobEvents = CompletableFuture.supplyAsync(
                () -> TestClients.authenticated(target, "GET", "/api/v1/jobs/" + ids.getLast() + "/events", null,
                                                "Accept", "text/event-stream"));

        long maxRunning = 0;
        long maxPending = 0;
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            long running = new JobsApi(client).listJobs(1, 1, JobStatus.RUNNING, null).getTotal();
            long pending = new JobsApi(client).listJobs(1, 1, JobStatus.PENDING, null).getTotal();
            maxRunning = Math.max(maxRunning, running);
            maxPending = Math.max(maxPending, pending);
            if (running == 0 && pending == 0) {
                break;
            }
            assertThat("jobs ended in time", Instant.now().isBefore(deadline), is(true));
            Thread.sleep(25);
        }

        assertThat(maxRunning, is(5L));
        assertThat("the others waited as pending", maxPending >= JOBS - 5 - 2, is(true));
        for (String id : ids) {
            assertThat(status(client, id), is(JobStatus.COMPLETED));
        }
        HttpResponse<String> events = lastJobEvents.get();
        assertThat("a quiet stream carries heartbeats", events.body(), containsString(": heartbeat\n\n"));
        assertThat(events.body(), containsString("event: completed"));
    }

    private static JobStatus status(ApiClient client, String id) {
        try {
            return new JobsApi(client).getJob(id).getStatus();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
