package dev.depscan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS + ",other:pw2")
@AddConfig(key = "depscan.auth.api-keys", value = "ci:k-0123456789abcdef")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/auth")
class AuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private WebTarget target;

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic !!!not-base64!!!", "Basic dGVzdGVy", "Bearer abc",
                            "Basic dGVzdGVyOndyb25n", "Basic bm9ib2R5OmNvcnJlY3QgaG9yc2UgYmF0dGVyeSBzdGFwbGU="})
    void rejectsMissingMalformedAndWrongCredentials(String authorization) throws Exception {
        HttpResponse<String> response = authorization.isEmpty()
                ? TestClients.send(target, "GET", "/api/v1/jobs", null)
                : TestClients.send(target, "GET", "/api/v1/jobs", null, "Authorization", authorization);

        assertUnauthorized(response);
    }

    @Test
    void rejectsAnotherUsersPassword() throws Exception {
        assertUnauthorized(TestClients.send(target, "GET", "/api/v1/health", null,
                                            "Authorization", TestClients.basic(TestClients.USER, "pw2")));
    }

    @Test
    void protectsUnknownPathsUnderTheApiToo() throws Exception {
        assertUnauthorized(TestClients.send(target, "GET", "/api/v1/nothing-here", null));
    }

    @Test
    void acceptsConfiguredUser() {
        HttpResponse<String> response = TestClients.authenticated(target, "GET", "/api/v1/jobs", null);

        assertThat(response.statusCode(), is(200));
    }

    @Test
    void acceptsConfiguredApiKeyAndRejectsOthers() throws Exception {
        assertThat(TestClients.send(target, "GET", "/api/v1/health", null, "X-Api-Key", "k-0123456789abcdef")
                           .statusCode(), is(200));
        assertUnauthorized(TestClients.send(target, "GET", "/api/v1/health", null, "X-Api-Key", "k-0123456789abcdeF"));
    }

    @Test
    void leavesOperationsEndpointsOpen() {
        assertThat(TestClients.send(target, "GET", "/health/live", null).statusCode(), is(200));
    }

    private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode(), is(401));
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""), startsWith("Basic realm="));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText(), is("UNAUTHORIZED"));
        assertThat(problem.path("status").asInt(), is(401));
    }
}
