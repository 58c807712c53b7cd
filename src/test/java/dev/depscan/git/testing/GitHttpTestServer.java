package dev.depscan.git.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves every bare repository under a root directory over Git smart HTTP on 127.0.0.1, by running the system's
 * {@code git http-backend} as a CGI program. Tests thereby fetch through the same HTTP code path as production
 * without contacting any other host.
 *
 * <p>Repositories are addressed as {@code http://127.0.0.1:PORT/<name>.git}; a missing repository answers 404 like a
 * real forge. Fetching by commit id is enabled ({@code uploadpack.allowAnySHA1InWant}). For timeout and cancellation
 * tests the server can delay every response and throttle response bodies; it counts requests, and can make a
 * repository answer 401 as if it were private. All settings may be changed while the server runs.
 */
public final class GitHttpTestServer implements AutoCloseable {

    /** Where Debian and most distributions install the CGI program. */
    public static final Path HTTP_BACKEND = Path.of("/usr/lib/git-core/git-http-backend");

    private static final Set<String> HOP_BY_HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private volatile int niceness;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final Set<String> privateRepos = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile int throttleChunkBytes;
    private volatile Duration throttlePause = Duration.ZERO;

    private GitHttpTestServer(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server for the bare repositories under {@code root} (the directory {@code <name>.git} serves
     * {@link #url(String) url(name)}).
     */
    public static GitHttpTestServer start(Path root) {
        if (!Files.isExecutable(HTTP_BACKEND)) {
            throw new IllegalStateException(HTTP_BACKEND + " is missing: install git");
        }
        try {
            return new GitHttpTestServer(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on 127.0.0.1 where nothing listens (freshly released), to provoke "connection refused". */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path root() {
        return root;
    }

    /** The clone URL of the repository {@code <root>/<repoName>.git}. */
    public String url(String repoName) {
        return "http://127.0.0.1:" + port() + "/" + repoName + ".git";
    }

    /** Waits this long before answering each request (headers included); zero turns it off. */
    /**
     * Runs {@code git http-backend} (and the Git processes it starts) at this {@code nice} level, so that a benchmark
     * sharing the machine measures the service rather than the Git server's CPU use; 0 (the default) runs it as is.
     */
    public void setNiceness(int niceness) {
        this.niceness = niceness;
    }

    public void setResponseDelay(Duration delay) {
        this.responseDelay = Objects.requireNonNull(delay);
    }

    /** Sends response bodies in chunks of {@code chunkBytes}, pausing after each; {@code chunkBytes <= 0} turns it off. */
    public void setThrottle(int chunkBytes, Duration pause) {
        this.throttlePause = Objects.requireNonNull(pause);
        this.throttleChunkBytes = chunkBytes;
    }

    /** Makes {@code repoName} private, served only to HTTP Basic requests whose password is {@code token}. */
    public void requireToken(String repoName, String token) {
        privateRepos.add("/" + repoName + ".git/");
        tokens.put("/" + repoName + ".git/", token);
    }

    /** The {@code Authorization} headers the server received, decoded ({@code user:password}), in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Makes {@code repoName} answer 401 with a Basic challenge, like a forge does for a private repository. */
    public void requireCredentials(String repoName) {
        privateRepos.add("/" + repoName + ".git/");
    }

    /** Requests received since start or the last {@link #resetRequestCount()}. */
    public int requestCount() {
        return requests.get();
    }

    public void resetRequestCount() {
        requests.set(0);
        requestLog.clear();
    }

    /** {@code "METHOD /path?query"} of every counted request, in arrival order. */
    public List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    @Override
    public void close() {
        server.stop(0);
        running.forEach(Process::destroyForcibly);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        requestLog.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query));
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String presented = "";
        if (authorization != null && authorization.startsWith("Basic ")) {
            presented = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                                   java.nio.charset.StandardCharsets.UTF_8);
            authorizations.add(presented);
        }
        String password = presented.contains(":") ? presented.substring(presented.indexOf(':') + 1) : "";
        boolean allowed = tokens.entrySet().stream().anyMatch(t -> path.startsWith(t.getKey())
                                                                   && t.getValue().equals(password));
        if (privateRepos.stream().anyMatch(path::startsWith) && !allowed) {
            try (exchange) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
            }
            return;
        }
        Process process = null;
        try (exchange) {
            process = startBackend(exchange);
            running.add(process);
            Process cgi = process;
            Thread feeder = Thread.ofVirtual().start(() -> feed(exchange.getRequestBody(), cgi));
            Thread.ofVirtual().start(() -> drain(cgi.getErrorStream()));
            sleep(responseDelay);
            InputStream out = process.getInputStream();
            int status = 200;
            for (String line = readLine(out); !line.isEmpty(); line = readLine(out)) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ", 2)[0]);
                } else if (!HOP_BY_HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().add(name, value);
                }
            }
            boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, noBody ? -1 : 0);
            if (!noBody) {
                copyBody(out, exchange.getResponseBody());
            }
            feeder.join();
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != null) {
                process.destroy();
                running.remove(process);
            }
        }
    }

    private Process startBackend(HttpExchange exchange) throws IOException {
        ProcessBuilder builder = niceness == 0 ? new ProcessBuilder(HTTP_BACKEND.toString())
                : new ProcessBuilder("nice", "-n", Integer.toString(niceness), HTTP_BACKEND.toString());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", root.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", "HTTP/1.1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""));
        env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
        putHeader(exchange, env, "Content-Length", "CONTENT_LENGTH");
        putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
        putHeader(exchange, env, "Git-Protocol", "HTTP_GIT_PROTOCOL");
        env.put("GIT_CONFIG_COUNT", "3");
        env.put("GIT_CONFIG_KEY_0", "uploadpack.allowAnySHA1InWant");
        env.put("GIT_CONFIG_VALUE_0", "true");
        env.put("GIT_CONFIG_KEY_1", "uploadpack.allowReachableSHA1InWant");
        env.put("GIT_CONFIG_VALUE_1", "true");
        env.put("GIT_CONFIG_KEY_2", "safe.directory");
        env.put("GIT_CONFIG_VALUE_2", "*");
        return builder.start();
    }

    private static void putHeader(HttpExchange exchange, Map<String, String> env, String header, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    private static void feed(InputStream body, Process process) {
        try (OutputStream stdin = process.getOutputStream(); body) {
            body.transferTo(stdin);
        } catch (IOException e) {
            // the backend stopped reading or the client went away; the response tells the story
        }
    }

    private static void drain(InputStream stderr) {
        try (stderr) {
            stderr.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // nothing to do: diagnostics only
        }
    }

    private void copyBody(InputStream in, OutputStream out) throws IOException, InterruptedException {
        int chunk = throttleChunkBytes;
        if (chunk <= 0) {
            in.transferTo(out);
            return;
        }
        byte[] buffer = new byte[chunk];
        for (int n = in.readNBytes(buffer, 0, chunk); n > 0; n = in.readNBytes(buffer, 0, chunk)) {
            out.write(buffer, 0, n);
            out.flush();
            sleep(throttlePause);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration);
        }
    }

    /** One CGI header line without its CR LF (or LF); empty at the blank line that ends the headers or at EOF. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
