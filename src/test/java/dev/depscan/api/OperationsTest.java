package dev.depscan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.depscan.client.api.HealthApi;
import dev.depscan.client.model.Health;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.data.dir", value = "target/test-data/operations")
class OperationsTest {

    @Inject
    private WebTarget target;

    @Test
    void servesTheContractItselfAtOpenapi() throws Exception {
        HttpResponse<String> response = TestClients.send(target, "GET", "/openapi", null, "Accept", "application/yaml");

        assertThat(response.statusCode(), is(200));
        YAMLMapper yaml = new YAMLMapper();
        JsonNode served = withoutDefaultHeaderStyles(yaml.readTree(response.body()));
        JsonNode contract = yaml.readTree(Files.readString(Path.of("openapi.yaml")));
        assertThat(served.path("paths"), is(contract.path("paths")));
        assertThat(served.path("components"), is(contract.path("components")));
        assertThat(served.path("info").path("title"), is(contract.path("info").path("title")));
    }

    /** Helidon's serializer spells out {@code style: simple}, the OpenAPI default for headers; nothing else differs. */
    private static JsonNode withoutDefaultHeaderStyles(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("simple".equals(object.path("style").asText()) && object.has("schema") && !object.has("in")) {
                object.remove("style");
            }
            object.properties().forEach(entry -> withoutDefaultHeaderStyles(entry.getValue()));
        } else if (node.isArray()) {
            node.forEach(OperationsTest::withoutDefaultHeaderStyles);
        }
        return node;
    }

    @Test
    void answersTheApiHealthInThePreviousShape() throws Exception {
        Health health = new HealthApi(TestClients.generated(target)).getHealth();

        assertThat(health.getStatus(), is(Health.StatusEnum.HEALTHY));
        assertThat(health.getVersion(), health.getVersion().matches("\\d+\\.\\d+\\.\\d+.*"), is(true));
        assertThat(health.getTimestamp().isAfter(OffsetDateTime.now().minusMinutes(1)), is(true));
    }

    @Test
    void answersKubernetesProbes() throws Exception {
        for (String probe : new String[] {"/health/live", "/health/ready", "/health/started"}) {
            HttpResponse<String> response = TestClients.send(target, "GET", probe, null);
            assertThat(probe, response.statusCode(), is(200));
            assertThat(new ObjectMapper().readTree(response.body()).path("status").asText(), is("UP"));
        }
    }

    @Test
    void servesPrometheusMetricsWithTheJobCounters() {
        HttpResponse<String> response = TestClients.send(target, "GET", "/metrics", null, "Accept", "text/plain");

        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), containsString("# TYPE depscan_jobs_submitted_total counter"));
        assertThat(response.body(), containsString("depscan_scan_duration_seconds"));
        assertThat(response.body(), containsString("# TYPE depscan_jobs_queued gauge"));
        assertThat(response.body(), containsString("# TYPE depscan_jobs_running gauge"));
        assertThat(response.body(), containsString("depscan_fetch_duration_seconds"));
        assertThat(response.body(), containsString("# TYPE depscan_cache_repositories_hits_total counter"));
    }

    @Test
    void servesSwaggerUiPointedAtTheContract() {
        HttpResponse<String> index = TestClients.send(target, "GET", "/swagger-ui/", null);
        HttpResponse<String> initializer = TestClients.send(target, "GET", "/swagger-ui/swagger-initializer.js", null);
        HttpResponse<String> bundle = TestClients.send(target, "GET", "/swagger-ui/swagger-ui-bundle.js", null);

        assertThat(index.statusCode(), is(200));
        assertThat(index.body(), containsString("swagger-ui-bundle.js"));
        assertThat(initializer.body(), containsString("url: \"../openapi\""));
        assertThat(bundle.statusCode(), is(200));
        assertThat(bundle.body().length(), greaterThan(100_000));
    }

    @Test
    void refusesPathsOutsideTheSwaggerUiFiles() {
        HttpResponse<String> response = TestClients.send(target, "GET", "/swagger-ui/..%2Fpom.properties", null);

        assertThat(response.statusCode(), is(404));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        HttpResponse<String> response = TestClients.authenticated(target, "GET", "/api/v1/no-such-thing", null);

        assertThat(response.statusCode(), is(404));
        assertThat(response.body(), containsString("\"code\":\"NOT_FOUND\""));
        assertThat(response.body().length(), lessThan(400));
    }
}
