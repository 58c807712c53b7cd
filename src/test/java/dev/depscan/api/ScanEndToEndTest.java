package dev.depscan.api;

import dev.depscan.client.ApiClient;
import dev.depscan.client.ApiException;
import dev.depscan.client.ApiResponse;
import dev.depscan.client.api.JobsApi;
import dev.depscan.client.api.ScanApi;
import dev.depscan.client.model.Finding;
import dev.depscan.client.model.FindingSource;
import dev.depscan.client.model.Job;
import dev.depscan.client.model.JobList;
import dev.depscan.client.model.JobPhase;
import dev.depscan.client.model.JobStatus;
import dev.depscan.client.model.PartialResult;
import dev.depscan.client.model.ScanAccepted;
import dev.depscan.client.model.ScanRequest;
import dev.depscan.client.model.ScanResult;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Submit, poll and read results through the client generated from openapi.yaml, against repositories served over
 * Git smart HTTP on 127.0.0.1.
 */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/end-to-end")
class ScanEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path root;
    private static TestRepositories repositories;
    private static GitHttpTestServer server;
    private static String appCommit;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void serveRepositories() throws IOException {
        root = Files.createTempDirectory("depscan-e2e");
        repositories = new TestRepositories(root);
        appCommit = repositories.commit("app", "main", Map.of(
                "requirements.txt", "# pinned for reproducibility\nnumpy==1.26.4\n",
                "app/__init__.py", "",
                "app/web.py", """
                        import os
                        from flask import Flask
                        from sqlalchemy import create_engine
                        from app import models  # first-party

                        \"\"\"import tensorflow  -- only in a docstring\"\"\"
                        # import torch
                        """,
                "app/models.py", "import sqlalchemy.orm as orm\n"));
        repositories.commit("empty-ish", "main", Map.of("README.md", "nothing to see\n"));
        repositories.commit("cached", "main", Map.of("requirements.txt", "django==5.0.6\n"));
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void scansARepositoryEndToEnd() throws Exception {
        ApiClient client = TestClients.generated(target);
        ScanApi scan = new ScanApi(client);

        ApiResponse<ScanAccepted> accepted = scan.submitScanWithHttpInfo(
                new ScanRequest().gitUrl(server.url("app")), null);

        assertThat(accepted.getStatusCode(), is(202));
        String jobId = accepted.getData().getJobId();
        assertThat(accepted.getHeaders().get("location").getFirst(), endsWith("/api/v1/jobs/" + jobId));
        assertThat(accepted.getData().getStatus(), is(JobStatus.PENDING));

        Job job = awaitEnd(client, jobId);
        assertThat(job.getStatus(), is(JobStatus.COMPLETED));
        assertThat(job.getProgress(), is(100));
        assertThat(job.getPhase(), is(JobPhase.DONE));
        assertThat(job.getCommit(), is(appCommit));
        assertThat(job.getCompletedAt(), notNullValue());

        ScanResult result = new JobsApi(client).getJobResults(jobId);
        assertThat(result.getCommit(), is(appCommit));
        assertThat(result.getDependencies().get("Data Science"), is(true));
        assertThat(result.getDependencies().get("Web Frameworks"), is(true));
        assertThat(result.getDependencies().get("Database"), is(true));
        assertThat(result.getDependencies().get("Machine Learning"), is(false));
        assertThat(result.getDependencies().get("Testing"), is(false));
        assertThat(result.getFindings().stream().map(Finding::getName).toList(),
                   containsInAnyOrder("flask", "numpy", "sqlalchemy"));

        Finding numpy = finding(result, "numpy");
        assertThat(numpy.getEcosystem(), is("pypi"));
        assertThat(numpy.getVersion(), is("==1.26.4"));
        assertThat(numpy.getResolvedVersion(), is("1.26.4"));
        assertThat(numpy.getPurl(), is("pkg:pypi/numpy@1.26.4"));
        assertThat(numpy.getCategories(), contains("Data Science"));
        assertThat(numpy.getSources().getFirst().getFile(), is("requirements.txt"));
        assertThat(numpy.getSources().getFirst().getLine(), is(2));
        assertThat(numpy.getSources().getFirst().getKind(), is(FindingSource.KindEnum.MANIFEST));

        Finding sqlalchemy = finding(result, "sqlalchemy");
        assertThat(sqlalchemy.getSources().stream().map(s -> s.getFile() + ":" + s.getLine()).toList(),
                   containsInAnyOrder("app/web.py:3", "app/models.py:1"));
        assertThat(sqlalchemy.getSources(), everyItem(org.hamcrest.Matchers.hasProperty("kind",
                                                                                       is(FindingSource.KindEnum.IMPORT))));
        assertThat(result.getIssues(), empty());

        assertThat(result.getAnalyzedEcosystems(), contains("pypi"));
        assertThat(result.getUnusedDeclared().stream().map(e -> e.getEcosystem() + ":" + e.getName()).toList(),
                   contains("pypi:numpy"));
        assertThat(result.getUnusedDeclared().getFirst().getSources().stream().map(FindingSource::getFile).toList(),
                   contains("requirements.txt"));
        assertThat(result.getUndeclaredImports().stream().map(e -> e.getName()).toList(),
                   containsInAnyOrder("flask", "sqlalchemy"));
        assertThat(result.getUndeclaredImports().stream().flatMap(e -> e.getSources().stream())
                           .map(FindingSource::getKind).distinct().toList(), contains(FindingSource.KindEnum.IMPORT));
        assertThat(numpy.getDeclared(), is(true));
        assertThat(numpy.getUsed(), is(false));
        assertThat(sqlalchemy.getDeclared(), is(false));
        assertThat(sqlalchemy.getUsed(), is(true));
        assertThat(result.getRestrictedFound(), is(false));
        assertThat(result.getRestrictedFindings(), empty());
    }

    @Test
    void writesTimestampsAsIso8601AndLeavesOutAbsentFields() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "empty-ish");
        awaitEnd(client, jobId);

        String job = TestClients.authenticated(target, "GET", "/api/v1/jobs/" + jobId, null).body();
        JsonNode json = new ObjectMapper().readTree(job);

        assertThat(json.path("created_at").isTextual(), is(true));
        assertThat(OffsetDateTime.parse(json.path("created_at").asText()).isBefore(OffsetDateTime.now()), is(true));
        assertThat(OffsetDateTime.parse(json.path("completed_at").asText()).getOffset(), is(ZoneOffset.UTC));
        assertThat(job, not(containsString("null")));
        assertThat(json.has("error"), is(false));
    }

    @Test
    void countsJobsAndShowsTheBulkheadInMetrics() throws Exception {
        ApiClient client = TestClients.generated(target);
        awaitEnd(client, submit(client, "empty-ish"));

        String metrics = TestClients.send(target, "GET", "/metrics", null, "Accept", "text/plain").body();

        assertThat(counter(metrics, "depscan_jobs_submitted_total"), greaterThanOrEqualTo(1.0));
        assertThat(counter(metrics, "depscan_jobs_completed_total"), greaterThanOrEqualTo(1.0));
        assertThat(metrics, containsString("ft_bulkhead_"));
        assertThat(metrics, containsString("method=\"dev.depscan.job.JobRunner.run\""));
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void completesARepeatScanOfAnUnchangedCommitFromTheResultCache() throws Exception {
        ApiClient client = TestClients.generated(target);
        String first = submit(client, "cached");
        assertThat(awaitEnd(client, first).getCached(), is(false));
        server.resetRequestCount();

        String second = submit(client, "cached");
        Job repeat = awaitEnd(client, second);

        assertThat(repeat.getStatus(), is(JobStatus.COMPLETED));
        assertThat(repeat.getCached(), is(true));
        assertThat(repeat.getCommit(), is(new JobsApi(client).getJob(first).getCommit()));
        assertThat("one ref advertisement (GET info/refs, then protocol v2's ls-refs POST), no fetch of objects",
                   server.requestLog().size(), lessThanOrEqualTo(2));
        ScanResult cachedResult = new JobsApi(client).getJobResults(second);
        assertThat(cachedResult.getCached(), is(true));
        assertThat(cachedResult.getFindings(), is(new JobsApi(client).getJobResults(first).getFindings()));
        assertThat(cachedResult.getJobId(), is(second));

        String changed = repositories.commit("cached", "main", Map.of("requirements.txt", "django==5.0.7\n"));
        Job third = awaitEnd(client, submit(client, "cached"));
        assertThat(third.getCached(), is(false));
        assertThat(third.getCommit(), is(changed));
        assertThat(finding(new JobsApi(client).getJobResults(third.getJobId()), "django").getResolvedVersion(),
                   is("5.0.7"));
    }

    @Test
    void listsJobsNewestFirstAndFiltersByStatus() throws Exception {
        ApiClient client = TestClients.generated(target);
        String first = submit(client, "empty-ish");
        awaitEnd(client, first);
        String second = submit(client, "empty-ish");
        awaitEnd(client, second);

        JobList page = new JobsApi(client).listJobs(1, 100, JobStatus.COMPLETED, server.url("empty-ish"));

        List<String> ids = page.getJobs().stream().map(Job::getJobId).toList();
        assertThat(ids.indexOf(second), is(0));
        assertThat(ids.indexOf(first), is(1));
        assertThat(page.getTotal(), is((long) ids.size()));
        assertThat(page.getPerPage(), is(100));

        JobList onePerPage = new JobsApi(client).listJobs(2, 1, JobStatus.COMPLETED, server.url("empty-ish") + "/");
        assertThat(onePerPage.getJobs().getFirst().getJobId(), is(first));
        assertThat(onePerPage.getTotalPages(), is(onePerPage.getTotal().intValue()));

        JobList failedOnly = new JobsApi(client).listJobs(1, 100, JobStatus.FAILED, server.url("empty-ish"));
        assertThat(failedOnly.getJobs(), empty());
    }

    @Test
    void failsAJobForAMissingRepositoryWithAStableCode() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "no-such-repository");

        Job job = awaitEnd(client, jobId);

        assertThat(job.getStatus(), is(JobStatus.FAILED));
        assertThat(job.getError().getCode().getValue(), is("REPOSITORY_NOT_FOUND"));
        assertThat(job.getError().getMessage(), not(containsString("/tmp")));
        ApiException noResults = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> new JobsApi(client).getJobResults(jobId));
        assertThat(noResults.getCode(), is(409));
        assertThat(noResults.getResponseBody(), containsString("JOB_NOT_COMPLETED"));
    }

    @Test
    void reportsPartialResultsAndFinalFigures() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "app");
        awaitEnd(client, jobId);

        PartialResult partial = new JobsApi(client).getJobPartialResults(jobId);

        assertThat(partial.getStatus(), is(JobStatus.COMPLETED));
        assertThat(partial.getProgress(), is(100));
        assertThat(partial.getPartialResults().getTotalFiles(), is(4));
        assertThat(partial.getPartialResults().getScannedFiles(), is(4));
        assertThat(partial.getPartialResults().getFoundDependencies(), greaterThanOrEqualTo(3));
        assertThat(partial.getLastUpdated().toInstant().isAfter(Instant.now().minusSeconds(120)), is(true));
    }

    @Test
    void streamsJobEventsUntilTheJobEnds() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "app");

        HttpResponse<String> stream = TestClients.authenticated(target, "GET", "/api/v1/jobs/" + jobId + "/events",
                                                                null, "Accept", "text/event-stream");

        assertThat(stream.statusCode(), is(200));
        assertThat(stream.headers().firstValue("Content-Type").orElse(""), startsWith("text/event-stream"));
        List<String> events = stream.body().lines().filter(l -> l.startsWith("event: ")).toList();
        assertThat(events.getFirst(), is("event: state"));
        assertThat(events.getLast(), is("event: completed"));
        String lastData = stream.body().lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow();
        JsonNode last = new ObjectMapper().readTree(lastData.substring("data: ".length()));
        assertThat(last.path("job").path("status").asText(), is("completed"));
        assertThat(last.path("job").path("progress").asInt(), is(100));

        List<JsonNode> findings = new ArrayList<>();
        List<String> lines = stream.body().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event: finding")) {
                findings.add(new ObjectMapper().readTree(lines.get(i + 1).substring("data: ".length())).path("finding"));
            }
        }
        assertThat(findings.stream().map(f -> f.path("name").asText()).toList(),
                   containsInAnyOrder("flask", "numpy", "sqlalchemy"));
        assertThat(events.indexOf("event: finding") < events.indexOf("event: completed"), is(true));
        JsonNode numpy = findings.stream().filter(f -> f.path("name").asText().equals("numpy")).findFirst().orElseThrow();
        assertThat(numpy.path("categories").get(0).asText(), is("Data Science"));
        assertThat(numpy.path("sources").get(0).path("file").asText(), is("requirements.txt"));
    }

    @Test
    void neverMovesProgressBackwards() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "app");
        int previous = 0;
        Instant deadline = Instant.now().plus(PATIENCE);
        Job job;
        do {
            job = new JobsApi(client).getJob(jobId);
            assertThat(job.getProgress(), greaterThanOrEqualTo(previous));
            assertThat(job.getProgress(), lessThanOrEqualTo(100));
            previous = job.getProgress();
        } while (!ended(job) && Instant.now().isBefore(deadline));
        assertThat(job.getStatus(), is(JobStatus.COMPLETED));
    }

    @Test
    void cancelsOnlyUnfinishedJobs() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = submit(client, "empty-ish");
        awaitEnd(client, jobId);

        ApiException conflict = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> new JobsApi(client).cancelJob(jobId));

        assertThat(conflict.getCode(), is(409));
        assertThat(conflict.getResponseBody(), containsString("JOB_ALREADY_FINISHED"));
        assertThat(new JobsApi(client).getJob(jobId).getStatus(), is(JobStatus.COMPLETED));
    }

    @Test
    void neverWritesAWorkTree() throws Exception {
        ApiClient client = TestClients.generated(target);
        awaitEnd(client, submit(client, "app"));

        Path cache = Path.of("target/test-data/end-to-end/repositories");
        try (Stream<Path> files = Files.walk(cache)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names, hasItem("HEAD"));
            assertThat(names, hasItem("shallow"));
            assertThat(names.contains("requirements.txt") || names.contains("web.py"), is(false));
        }
    }

    private String submit(ApiClient client, String repository) throws ApiException {
        return new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url(repository)), null).getJobId();
    }

    private static Job awaitEnd(ApiClient client, String jobId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Job job = new JobsApi(client).getJob(jobId);
        while (!ended(job) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = new JobsApi(client).getJob(jobId);
        }
        assertThat("job " + jobId + " did not end in time", ended(job), is(true));
        assertThat(job.getJobId(), job.getJobId().matches("[0-9a-f-]{36}"), is(true));
        return job;
    }

    private static boolean ended(Job job) {
        return job.getStatus() == JobStatus.COMPLETED || job.getStatus() == JobStatus.FAILED
               || job.getStatus() == JobStatus.CANCELLED;
    }

    private static Finding finding(ScanResult result, String name) {
        return result.getFindings().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }
}
