package dev.depscan.auth;

import dev.depscan.api.TestClients;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every job endpoint, for every role, on one's own job and on someone else's: a scanner sees and cancels only its
 * own jobs and cannot tell others' jobs exist; a reader reads everything and changes nothing; an admin does all.
 */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = "alice:pw-alice,bob:pw-bob,rita:pw-rita,root:pw-root,mallory:pw-mallory")
@AddConfig(key = "depscan.auth.roles", value = "alice:scanner,bob:scanner,rita:reader,root:admin")
@AddConfig(key = "depscan.auth.max-failures", value = "3")
@AddConfig(key = "depscan.auth.password-hash-iterations", value = "1000")
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/authorization")
class AuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORDS = Map.of("alice", "pw-alice", "bob", "pw-bob", "rita", "pw-rita",
                                                                "root", "pw-root");
    private static GitHttpTestServer server;
    private static String alicesJob;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void serveRepository() throws IOException {
        var root = Files.createTempDirectory("depscan-authz");
        new TestRepositories(root).commit("app", "main", Map.of("requirements.txt", "flask\n"));
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void aliceHasAFinishedJob() throws Exception {
        if (alicesJob == null) {
            alicesJob = submit("alice");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!status("alice", alicesJob).equals("completed")) {
                assertThat("job ended in time", Instant.now().isBefore(deadline), is(true));
                Thread.sleep(50);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // who,  endpoint,   expected status, expected code
        "alice, job,         200, -",
        "alice, results,     200, -",
        "alice, partial,     200, -",
        "alice, events,      200, -",
        "alice, cancel,      409, JOB_ALREADY_FINISHED",
        "bob,   job,         404, JOB_NOT_FOUND",
        "bob,   results,     404, JOB_NOT_FOUND",
        "bob,   partial,     404, JOB_NOT_FOUND",
        "bob,   events,      404, JOB_NOT_FOUND",
        "bob,   cancel,      404, JOB_NOT_FOUND",
        "rita,  job,         200, -",
        "rita,  results,     200, -",
        "rita,  partial,     200, -",
        "rita,  events,      200, -",
        "rita,  cancel,      403, FORBIDDEN",
        "root,  job,         200, -",
        "root,  results,     200, -",
        "root,  partial,     200, -",
        "root,  events,      200, -",
        "root,  cancel,      409, JOB_ALREADY_FINISHED",
    })
    void appliesTheRoleToAlicesJob(String who, String endpoint, int status, String code) throws Exception {
        String path = "/api/v1/jobs/" + alicesJob + switch (endpoint) {
            case "job", "cancel" -> "";
            default -> "/" + endpoint;
        };
        HttpResponse<String> response = TestClients.send(target, endpoint.equals("cancel") ? "DELETE" : "GET", path,
                                                          null, "Authorization", basic(who));

        assertThat(response.body(), response.statusCode(), is(status));
        if (!code.equals("-")) {
            assertThat(JSON.readTree(response.body()).path("code").asText(), is(code));
            assertThat(response.body(), org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("alice")));
        }
    }

    @ParameterizedTest(name = "{0} submits")
    @CsvSource({"alice, 202", "bob, 202", "rita, 403", "root, 202"})
    void letsOnlyScannersAndAdminsSubmit(String who, int status) throws Exception {
        HttpResponse<String> response = TestClients.send(target, "POST", "/api/v1/scan",
                "{\"git_url\": \"" + server.url("app") + "\"}", "Content-Type", "application/json",
                "Authorization", basic(who));

        assertThat(response.body(), response.statusCode(), is(status));
        if (status == 403) {
            assertThat(JSON.readTree(response.body()).path("code").asText(), is("FORBIDDEN"));
        }
    }

    @Test
    void showsScannersOnlyTheirOwnHistoryAndReadersEverything() throws Exception {
        submit("bob");

        assertThat(owners("alice").contains(alicesJob), is(true));
        assertThat(owners("bob").contains(alicesJob), is(false));
        assertThat(owners("rita").contains(alicesJob), is(true));
        assertThat(owners("root").contains(alicesJob), is(true));
        assertThat(total("rita") > total("alice"), is(true));
    }

    @Test
    void returnsTheSameJobForARetriedSubmissionWithTheSameIdempotencyKey() throws Exception {
        String key = "build-" + UUID.randomUUID();
        String first = submitWithKey("alice", key);
        String retried = submitWithKey("alice", key);
        String otherKey = submitWithKey("alice", key + "-2");
        String otherPrincipal = submitWithKey("bob", key);

        assertThat(retried, is(first));
        assertThat(otherKey.equals(first), is(false));
        assertThat(otherPrincipal.equals(first), is(false));
        HttpResponse<String> invalid = TestClients.send(target, "POST", "/api/v1/scan",
                "{\"git_url\": \"" + server.url("app") + "\"}", "Content-Type", "application/json",
                "Idempotency-Key", "x".repeat(300), "Authorization", basic("alice"));
        assertThat(invalid.statusCode(), is(400));
        HttpResponse<String> reused = TestClients.send(target, "POST", "/api/v1/scan",
                "{\"git_url\": \"" + server.url("app") + "\", \"ref\": \"v2\"}", "Content-Type", "application/json",
                "Idempotency-Key", key, "Authorization", basic("alice"));
        assertThat(reused.body(), reused.statusCode(), is(422));
        assertThat(JSON.readTree(reused.body()).path("code").asText(), is("IDEMPOTENCY_KEY_REUSED"));
    }

    private String submitWithKey(String who, String key) throws Exception {
        HttpResponse<String> response = TestClients.send(target, "POST", "/api/v1/scan",
                "{\"git_url\": \"" + server.url("app") + "\"}", "Content-Type", "application/json",
                "Idempotency-Key", key, "Authorization", basic(who));
        assertThat(response.body(), response.statusCode(), is(202));
        return JSON.readTree(response.body()).path("job_id").asText();
    }

    @Test
    void throttlesRepeatedFailuresOfOneNameWithoutHoldingBackOthers() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = TestClients.send(target, "GET", "/api/v1/jobs", null,
                                                          "Authorization", TestClients.basic("mallory", "guess" + i));
            assertThat(wrong.statusCode(), is(401));
        }

        HttpResponse<String> throttled = TestClients.send(target, "GET", "/api/v1/jobs", null,
                                                          "Authorization", TestClients.basic("mallory", "pw-mallory"));
        assertThat("even the right password waits", throttled.statusCode(), is(429));
        assertThat(JSON.readTree(throttled.body()).path("code").asText(), is("RATE_LIMITED"));
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0")) >= 1, is(true));
        HttpResponse<String> other = TestClients.send(target, "GET", "/api/v1/jobs", null,
                                                      "Authorization", basic("alice"));
        assertThat(other.statusCode(), is(200));
    }

    @Test
    void writesAnAuditLineForSubmissionsCancellationsAndFailures() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger(AuditLog.LOGGER_NAME);
        audit.addHandler(capture);
        try {
            String job = submit("bob");
            TestClients.send(target, "DELETE", "/api/v1/jobs/" + job, null, "Authorization", basic("rita"));
            TestClients.send(target, "GET", "/api/v1/jobs", null, "Authorization", TestClients.basic("bob", "nope\n"));
        } finally {
            audit.removeHandler(capture);
        }

        assertThat(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("action=submit principal=\"bob\" job=\"")
                                                                 && l.endsWith("outcome=\"accepted\"")), is(true));
        assertThat(lines, hasItem(startsWith("action=cancel principal=\"rita\"")));
        assertThat(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("action=authenticate principal=\"bob\"")
                                                                 && l.contains("outcome=\"rejected\"")), is(true));
    }

    private String submit(String who) throws Exception {
        HttpResponse<String> response = TestClients.send(target, "POST", "/api/v1/scan",
                "{\"git_url\": \"" + server.url("app") + "\"}", "Content-Type", "application/json",
                "Authorization", basic(who));
        assertThat(response.body(), response.statusCode(), is(202));
        return JSON.readTree(response.body()).path("job_id").asText();
    }

    private String status(String who, String job) throws Exception {
        return JSON.readTree(TestClients.send(target, "GET", "/api/v1/jobs/" + job, null, "Authorization", basic(who))
                                     .body()).path("status").asText();
    }

    private List<String> owners(String who) throws Exception {
        JsonNode page = JSON.readTree(TestClients.send(target, "GET", "/api/v1/jobs?per_page=100", null,
                                                       "Authorization", basic(who)).body());
        return page.path("jobs").findValuesAsText("job_id");
    }

    private long total(String who) throws Exception {
        return JSON.readTree(TestClients.send(target, "GET", "/api/v1/jobs", null, "Authorization", basic(who)).body())
                .path("total").asLong();
    }

    private static String basic(String who) {
        return TestClients.basic(who, PASSWORDS.get(who));
    }
}
