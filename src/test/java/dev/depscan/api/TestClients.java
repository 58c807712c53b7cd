package dev.depscan.api;

import dev.depscan.client.ApiClient;

import jakarta.ws.rs.client.WebTarget;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Clients for the server under test: the one generated from openapi.yaml, and raw HTTP for malformed requests. */
public final class TestClients {

    public static final String USER = "tester";
    public static final String PASSWORD = "correct horse battery staple";
    public static final String USERS = USER + ":" + PASSWORD;

    private TestClients() {
    }

    /** The generated client, authenticated as {@link #USER}. */
    public static ApiClient generated(WebTarget target) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri(target));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", basic(USER, PASSWORD)));
        return client;
    }

    public static String baseUri(WebTarget target) {
        String uri = target.getUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a raw request; {@code headers} are name, value pairs. */
    public static HttpResponse<String> send(WebTarget target, String method, String path, String body,
                                            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(baseUri(target) + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw authenticated request. */
    public static HttpResponse<String> authenticated(WebTarget target, String method, String path, String body,
                                                     String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic(USER, PASSWORD);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(target, method, path, body, all);
    }
}
