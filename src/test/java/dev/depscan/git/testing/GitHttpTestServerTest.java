package dev.depscan.git.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

class GitHttpTestServerTest {

    @TempDir
    Path root;

    private GitHttpTestServer server;
    private TestRepositories repos;
    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @BeforeEach
    void setUp() {
        server = GitHttpTestServer.start(root);
        repos = new TestRepositories(root);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pktLine(String payload) {
        return String.format("%04x", payload.length() + 4) + payload;
    }

    @Test
    void servesTheSmartHttpRefAdvertisement() throws Exception {
        String main = repos.commit("app", "main", Map.of("a", "1"));

        HttpResponse<String> response = get(server.url("app") + "/info/refs?service=git-upload-pack");

        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(),
                is("application/x-git-upload-pack-advertisement"));
        assertThat(response.body(), containsString(main + " refs/heads/main"));
    }

    @Test
    void answersNotFoundForAMissingRepository() throws Exception {
        HttpResponse<String> response = get(server.url("nothing") + "/info/refs?service=git-upload-pack");

        assertThat(response.statusCode(), is(404));
    }

    @Test
    void acceptsGzippedProtocolV2Requests() throws Exception {
        String main = repos.commit("app", "main", Map.of("a", "1"));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write((pktLine("command=ls-refs\n") + "0001" + pktLine("symrefs\n") + "0000")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("app") + "/git-upload-pack"))
                .header("Content-Type", "application/x-git-upload-pack-request")
                .header("Content-Encoding", "gzip")
                .header("Git-Protocol", "version=2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), containsString(main + " HEAD symref-target:refs/heads/main"));
    }

    @Test
    void countsAndLogsRequests() throws Exception {
        get(server.url("a") + "/info/refs?service=git-upload-pack");
        get(server.url("b") + "/info/refs?service=git-upload-pack");

        assertThat(server.requestCount(), is(2));
        assertThat(server.requestLog(), contains("GET /a.git/info/refs?service=git-upload-pack",
                "GET /b.git/info/refs?service=git-upload-pack"));
        server.resetRequestCount();
        assertThat(server.requestCount(), is(0));
    }

    @Test
    void delaysResponsesWhenAsked() throws Exception {
        repos.commit("app", "main", Map.of("a", "1"));
        server.setResponseDelay(Duration.ofMillis(400));

        long start = System.nanoTime();
        get(server.url("app") + "/info/refs?service=git-upload-pack");

        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(greaterThanOrEqualTo(400L)));
    }

    @Test
    void challengesForCredentialsOnAPrivateRepository() throws Exception {
        repos.commit("secret", "main", Map.of("a", "1"));
        server.requireCredentials("secret");

        HttpResponse<String> response = get(server.url("secret") + "/info/refs?service=git-upload-pack");

        assertThat(response.statusCode(), is(401));
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow(), containsString("Basic"));
    }
}
