package dev.depscan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Bad requests get problem+json with a stable code, and never create a job. */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.data.dir", value = "target/test-data/validation")
class RequestValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private WebTarget target;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not a url                                      | INVALID_GIT_URL",
            "ftp://github.com/pallets/flask                 | INVALID_GIT_URL",
            "file:///etc/passwd                             | INVALID_GIT_URL",
            "ext::sh -c touch% /tmp/pwned                   | INVALID_GIT_URL",
            "git@github.com:pallets/flask.git               | INVALID_GIT_URL",
            "ssh://git@github.com/pallets/flask.git         | INVALID_GIT_URL",
            "-u/bin/sh                                      | INVALID_GIT_URL",
            "https://user:token@github.com/pallets/flask    | INVALID_GIT_URL",
            "https://github.com/pallets/flask?x=1           | INVALID_GIT_URL",
            "https://github.com/pallets/flask#main          | INVALID_GIT_URL",
            "http://github.com/pallets/flask                | URL_NOT_ALLOWED",
            "https://example.org/some/repo                  | URL_NOT_ALLOWED",
            "https://github.com.evil.example/x/y            | URL_NOT_ALLOWED",
            "https://127.0.0.1/x/y                          | URL_NOT_ALLOWED",
    })
    void rejectsUrlsOutsideThePolicy(String url, String code) throws Exception {
        HttpResponse<String> response = submit("{\"git_url\": " + JSON.writeValueAsString(url) + "}");

        assertProblem(response, 400, code);
        assertThat(response.body(), not(containsString("token")));
    }

    @Test
    void rejectsAMissingGitUrl() throws Exception {
        assertProblem(submit("{\"ref\": \"main\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void rejectsARefThatLooksLikeAnOption() throws Exception {
        assertProblem(submit("{\"git_url\": \"https://github.com/pallets/flask\", \"ref\": \"--upload-pack=x\"}"), 400,
                      "VALIDATION_FAILED");
    }

    @Test
    void rejectsBodiesThatAreNotJson() throws Exception {
        HttpResponse<String> response = submit("{\"git_url\": ");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.body(), not(containsString("com.fasterxml")));
    }

    @Test
    void rejectsOtherMediaTypes() throws Exception {
        HttpResponse<String> response = TestClients.authenticated(target, "POST", "/api/v1/scan", "git_url=x",
                                                                  "Content-Type", "application/x-www-form-urlencoded");

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void rejectsPageSizesAboveOneHundred() throws Exception {
        assertProblem(TestClients.authenticated(target, "GET", "/api/v1/jobs?per_page=101", null), 400,
                      "VALIDATION_FAILED");
        assertProblem(TestClients.authenticated(target, "GET", "/api/v1/jobs?page=0", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void rejectsUnknownStatusFilters() throws Exception {
        assertProblem(TestClients.authenticated(target, "GET", "/api/v1/jobs?status=sleeping", null), 400,
                      "VALIDATION_FAILED");
    }

    @Test
    void answersUnknownJobsWithJobNotFound() throws Exception {
        for (String path : new String[] {"", "/results", "/partial", "/events"}) {
            assertProblem(TestClients.authenticated(target, "GET", "/api/v1/jobs/no-such-job" + path, null), 404,
                          "JOB_NOT_FOUND");
        }
        assertProblem(TestClients.authenticated(target, "DELETE", "/api/v1/jobs/no-such-job", null), 404,
                      "JOB_NOT_FOUND");
    }

    @Test
    void answersWrongMethodsWithProblemJson() throws Exception {
        assertProblem(TestClients.authenticated(target, "PUT", "/api/v1/scan", "{}", "Content-Type",
                                                "application/json"), 405, "METHOD_NOT_ALLOWED");
    }

    private HttpResponse<String> submit(String body) {
        return TestClients.authenticated(target, "POST", "/api/v1/scan", body, "Content-Type", "application/json");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.body(), response.statusCode(), is(status));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText(), is(code));
        assertThat(problem.path("status").asInt(), is(status));
        assertThat(problem.path("type").asText(), startsWith("https://"));
        assertThat(problem.path("title").asText().isEmpty(), is(false));
        assertThat(response.body(), not(containsString("Exception")));
        assertThat(response.body(), not(containsString("/work/")));
    }
}
