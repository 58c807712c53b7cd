package dev.depscan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The job engine under load, against the real service: starts {@code target/depscan.jar} as its own process, serves
 * {@code repos} generated repositories from a local Git server, submits {@code submissions} scans as fast as the API
 * accepts them (retrying after {@code 429}), and meanwhile {@code readers} clients read job status in a loop.
 * Prints jobs per minute, the most scans seen running at once, status latency (p50/p99/max) and the service's peak
 * resident memory. The result cache is off, so every job fetches (a cache hit after the first fetch of a repository)
 * and scans.
 *
 * <p>Run with {@code .ci/bench-load [submissions] [repos] [readers]}.
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("bench:bench-password".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private LoadBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int repos = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = Files.createTempDirectory("depscan-load");
        Process service = null;
        try (GitHttpTestServer git = GitHttpTestServer.start(Files.createDirectories(work.resolve("served")))) {
            git.setNiceness(Integer.getInteger("bench.git.nice", 0));
            TestRepositories repositories = new TestRepositories(git.root());
            for (int i = 0; i < repos; i++) {
                repositories.commit("repo" + i, "main", ScanBenchmark.generate(3));
            }
            int port = GitHttpTestServer.unusedPort();
            service = startService(port, work.resolve("data"));
            LoadBenchmark bench = new LoadBenchmark("http://127.0.0.1:" + port);
            bench.awaitReady();
            System.out.printf(Locale.ROOT, "%d submissions over %d repositories (%d files each), %d status readers, "
                                           + "%d cores, Java %s%n", submissions, repos,
                              ScanBenchmark.generate(3).size(), readers,
                              Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            bench.run(git, submissions, repos, readers, service.pid());
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process startService(int port, Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-Dserver.port=" + port, "-Ddepscan.data.dir=" + data,
                                  "-Ddepscan.auth.users=bench:bench-password", "-Ddepscan.git.allowed-hosts=127.0.0.1",
                                  "-Ddepscan.git.allow-http=true", "-Ddepscan.git.allow-private-addresses=true",
                                  "-Ddepscan.cache.results.max-entries=0", "-Ddepscan.git.cache.max-entries=100",
                                  "-Ddepscan.jobs.queue-size=100", "-jar", "target/depscan.jar")
                .redirectOutput(data.resolveSibling("service.log").toFile())
                .redirectErrorStream(true)
                .start();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become ready within 60 s");
    }

    private void run(GitHttpTestServer git, int submissions, int repos, int readers, long pid) throws Exception {
        List<String> jobIds = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        long[] peakRss = {0};
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            threads.add(Thread.ofVirtual().start(() -> readStatus(jobIds, latencies, done)));
        }
        threads.add(Thread.ofVirtual().start(() -> watch(done, maxRunning, peakRss, pid)));

        long start = System.nanoTime();
        for (int i = 0; i < submissions; i++) {
            String body = "{\"git_url\":\"" + git.url("repo" + (i % repos)) + "\"}";
            while (true) {
                HttpResponse<String> response = send("POST", "/api/v1/scan", body);
                if (response.statusCode() == 202) {
                    jobIds.add(JSON.readTree(response.body()).path("job_id").asText());
                    break;
                }
                if (response.statusCode() != 429) {
                    throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
                }
                rejected.incrementAndGet();
                Thread.sleep(Math.min(1000, 1000L * Long.parseLong(
                        response.headers().firstValue("Retry-After").orElse("1"))));
            }
        }
        Map<String, Integer> outcomes = awaitAll(jobIds);
        double minutes = (System.nanoTime() - start) / 60e9;
        done.set(true);
        for (Thread thread : threads) {
            thread.join();
        }

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "jobs: %s in %.1f s -> %.0f jobs/min; 429 answers while submitting: %d%n",
                          outcomes, minutes * 60, jobIds.size() / minutes, rejected.get());
        System.out.printf(Locale.ROOT, "most scans running at once: %d%n", maxRunning.get());
        System.out.printf(Locale.ROOT, "GET /api/v1/jobs/{id}: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                          sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
                          sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        System.out.printf(Locale.ROOT, "service peak resident memory: %.0f MB%n", peakRss[0] / 1024.0);
    }

    private Map<String, Integer> awaitAll(List<String> jobIds) throws Exception {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (String id : List.copyOf(jobIds)) {
            while (true) {
                String status = JSON.readTree(get("/api/v1/jobs/" + id).body()).path("status").asText();
                if (!status.equals("pending") && !status.equals("running")) {
                    outcomes.merge(status, 1, Integer::sum);
                    break;
                }
                Thread.sleep(100);
            }
        }
        return outcomes;
    }

    private void readStatus(List<String> jobIds, ConcurrentLinkedQueue<Long> latencies, AtomicBoolean done) {
        while (!done.get()) {
            try {
                if (jobIds.isEmpty()) {
                    Thread.sleep(10);
                    continue;
                }
                String id = jobIds.get(ThreadLocalRandom.current().nextInt(jobIds.size()));
                long t0 = System.nanoTime();
                HttpResponse<String> response = get("/api/v1/jobs/" + id);
                long took = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("status answered " + response.statusCode());
                }
                latencies.add(took);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Samples the running-scans gauge and the service's resident memory every 50 ms. */
    private void watch(AtomicBoolean done, AtomicInteger maxRunning, long[] peakRss, long pid) {
        while (!done.get()) {
            try {
                JsonNode running = JSON.readTree(get("/api/v1/jobs?status=running&per_page=1").body());
                maxRunning.accumulateAndGet(running.path("total").asInt(), Math::max);
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakRss[0] = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTH)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
