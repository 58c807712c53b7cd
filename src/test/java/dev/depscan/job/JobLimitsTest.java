package dev.depscan.job;

import dev.depscan.api.TestClients;
import dev.depscan.client.ApiClient;
import dev.depscan.client.ApiException;
import dev.depscan.client.api.JobsApi;
import dev.depscan.client.api.ScanApi;
import dev.depscan.client.model.Job;
import dev.depscan.client.model.JobStatus;
import dev.depscan.client.model.ScanRequest;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The job limits, with one scan slot, a queue of one and a two-second timeout, against a Git server slowed down on
 * purpose so that scans are still running when the next request arrives.
 */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/job-limits")
@AddConfig(key = "depscan.jobs.max-concurrent", value = "1")
@AddConfig(key = "depscan.jobs.queue-size", value = "1")
@AddConfig(key = "depscan.jobs.timeout-seconds", value = "2")
@AddConfig(key = "depscan.scan.max-tree-entries", value = "50")
@AddConfig(key = "depscan.git.max-transfer-bytes", value = "200000")
class JobLimitsTest {

    private static final Duration SLOW = Duration.ofMillis(1500);

    private static Path root;
    private static GitHttpTestServer server;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void serveRepositories() throws IOException {
        root = Files.createTempDirectory("depscan-limits");
        TestRepositories repositories = new TestRepositories(root);
        repositories.commit("app", "main", Map.of("requirements.txt", "flask==3.0.0\n"));
        TestRepositories.Tree wide = new TestRepositories.Tree();
        for (int i = 0; i < 60; i++) {
            wide.file("src/f" + i + ".txt", "file " + i);
        }
        repositories.commit("wide", "main", wide, "sixty files");
        TestRepositories.Tree heavy = new TestRepositories.Tree();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10; i++) {
            byte[] noise = new byte[40_000];
            random.nextBytes(noise);
            heavy.file("blob" + i + ".bin", noise);
        }
        repositories.commit("heavy", "main", heavy, "400 kB of noise");
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void letRunningJobsEnd() throws Exception {
        server.setResponseDelay(Duration.ZERO);
        ApiClient client = TestClients.generated(target);
        await(client, () -> new JobsApi(client).listJobs(1, 100, JobStatus.RUNNING, null).getTotal() == 0
                             && new JobsApi(client).listJobs(1, 100, JobStatus.PENDING, null).getTotal() == 0);
    }

    @Test
    void answersQueueFullWithRetryAfterWhenSlotAndQueueAreTaken() throws Exception {
        server.setResponseDelay(SLOW);
        ApiClient client = TestClients.generated(target);
        String running = submit(client);
        await(client, () -> status(client, running) == JobStatus.RUNNING);
        String queued = submit(client);
        long jobsBefore = new JobsApi(client).listJobs(1, 1, null, null).getTotal();

        HttpResponse<String> rejected = TestClients.authenticated(
                target, "POST", "/api/v1/scan", "{\"git_url\": \"" + server.url("app") + "\"}",
                "Content-Type", "application/json");

        assertThat(rejected.statusCode(), is(429));
        assertThat(new ObjectMapper().readTree(rejected.body()).path("code").asText(), is("QUEUE_FULL"));
        assertThat(Long.parseLong(rejected.headers().firstValue("Retry-After").orElse("0")), greaterThanOrEqualTo(1L));
        assertThat(status(client, queued), is(JobStatus.PENDING));
        assertThat("the rejected submission left no job behind",
                   new JobsApi(client).listJobs(1, 1, null, null).getTotal(), is(jobsBefore));
    }

    @Test
    void neverRunsMoreScansThanTheLimit() throws Exception {
        server.setResponseDelay(Duration.ofMillis(300));
        ApiClient client = TestClients.generated(target);
        List<String> ids = new ArrayList<>();
        ids.add(submit(client));
        ids.add(submit(client));
        int maxRunning = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long running = new JobsApi(client).listJobs(1, 100, JobStatus.RUNNING, null).getTotal();
            maxRunning = Math.max(maxRunning, (int) running);
            if (ids.stream().allMatch(id -> ended(status(client, id)))) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(maxRunning, is(1));
        for (String id : ids) {
            Job job = new JobsApi(client).getJob(id);
            assertThat(String.valueOf(job.getError()), job.getStatus(), is(JobStatus.COMPLETED));
        }
    }

    @Test
    void failsAScanThatRunsOverTheTimeoutAndKeepsTheFailure() throws Exception {
        server.setResponseDelay(Duration.ofSeconds(4));
        ApiClient client = TestClients.generated(target);
        String id = submit(client);

        await(client, () -> ended(status(client, id)));
        Job job = new JobsApi(client).getJob(id);

        assertThat(job.getStatus(), is(JobStatus.FAILED));
        assertThat(job.getError().getCode().getValue(), is("SCAN_TIMEOUT"));
        server.setResponseDelay(Duration.ZERO);
        Thread.sleep(3000);
        assertThat("no late result overwrites the failure", status(client, id), is(JobStatus.FAILED));
    }

    @Test
    void cancelsARunningJobAndStopsItsWork() throws Exception {
        server.setResponseDelay(SLOW);
        ApiClient client = TestClients.generated(target);
        String id = submit(client);
        await(client, () -> status(client, id) == JobStatus.RUNNING);

        Job cancelled = new JobsApi(client).cancelJob(id);

        assertThat(cancelled.getStatus(), is(JobStatus.CANCELLED));
        assertThat(cancelled.getCompletedAt() != null, is(true));
        server.setResponseDelay(Duration.ZERO);
        Thread.sleep(2500);
        assertThat(status(client, id), is(JobStatus.CANCELLED));
        ApiException results = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> new JobsApi(client).getJobResults(id));
        assertThat(results.getResponseBody(), containsString("JOB_NOT_COMPLETED"));
    }

    @Test
    void cancelsAQueuedJobBeforeItRuns() throws Exception {
        server.setResponseDelay(SLOW);
        ApiClient client = TestClients.generated(target);
        String running = submit(client);
        await(client, () -> status(client, running) == JobStatus.RUNNING);
        String queued = submit(client);

        assertThat(new JobsApi(client).cancelJob(queued).getStatus(), is(JobStatus.CANCELLED));

        server.setResponseDelay(Duration.ZERO);
        await(client, () -> ended(status(client, running)));
        assertThat(new JobsApi(client).getJob(queued).getStartedAt() == null, is(true));
        assertThat(status(client, queued), is(JobStatus.CANCELLED));
    }

    @Test
    void failsARepositoryWithMoreTreeEntriesThanTheLimit() throws Exception {
        assertFailsAsTooLarge("wide", "more than 50 entries");
    }

    @Test
    void failsARepositoryLargerThanTheTransferLimitWhileReceivingIt() throws Exception {
        assertFailsAsTooLarge("heavy", "transfer limit of 200000 bytes");
    }

    private void assertFailsAsTooLarge(String repo, String why) throws Exception {
        ApiClient client = TestClients.generated(target);
        String id = new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url(repo)), null).getJobId();

        await(client, () -> ended(status(client, id)));
        Job job = new JobsApi(client).getJob(id);

        assertThat(job.getStatus(), is(JobStatus.FAILED));
        assertThat(job.getError().getCode().getValue(), is("REPOSITORY_TOO_LARGE"));
        assertThat(job.getError().getMessage(), containsString(why));
    }

    private String submit(ApiClient client) throws ApiException {
        return new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url("app")), null).getJobId();
    }

    private static JobStatus status(ApiClient client, String id) {
        try {
            return new JobsApi(client).getJob(id).getStatus();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean ended(JobStatus status) {
        return status == JobStatus.COMPLETED || status == JobStatus.FAILED || status == JobStatus.CANCELLED;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(ApiClient client, Condition condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
