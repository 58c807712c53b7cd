package dev.depscan.api;

import dev.depscan.client.ApiClient;
import dev.depscan.client.api.JobsApi;
import dev.depscan.client.api.ScanApi;
import dev.depscan.client.model.Finding;
import dev.depscan.client.model.Job;
import dev.depscan.client.model.JobStatus;
import dev.depscan.client.model.ScanRequest;
import dev.depscan.client.model.ScanResult;
import dev.depscan.git.testing.GitHttpTestServer;
import dev.depscan.git.testing.TestRepositories;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/** One repository with a file of every supported format, scanned through the API: the exact findings. */
@HelidonTest
@AddConfig(key = "depscan.auth.users", value = TestClients.USERS)
@AddConfig(key = "depscan.git.allowed-hosts", value = "127.0.0.1")
@AddConfig(key = "depscan.git.allow-http", value = "true")
@AddConfig(key = "depscan.git.allow-private-addresses", value = "true")
@AddConfig(key = "depscan.data.dir", value = "target/test-data/cross-format")
@AddConfig(key = "depscan.categories.file", value = "src/test/resources/policy/categories.yaml")
class CrossFormatScanTest {

    private static GitHttpTestServer server;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void serveRepository() throws IOException {
        Path root = Files.createTempDirectory("depscan-cross-format");
        new TestRepositories(root).commit("polyglot", "main", Map.ofEntries(
                Map.entry("requirements.txt", "flask==3.0.3\n-r requirements/test.txt\n"),
                Map.entry("requirements/test.txt", "pytest>=8.0\n"),
                Map.entry("pyproject.toml", """
                        [project]
                        name = "polyglot"
                        dependencies = ["SQLAlchemy>=2.0"]

                        [build-system]
                        requires = ["hatchling"]
                        """),
                Map.entry("app/main.py", "import yaml\nfrom flask import Flask\nimport os, sys\n"),
                Map.entry("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId>
                          <artifactId>parent</artifactId>
                          <version>1.0.0</version>
                          <packaging>pom</packaging>
                          <properties><jackson.version>2.17.1</jackson.version></properties>
                          <dependencyManagement>
                            <dependencies>
                              <dependency>
                                <groupId>com.fasterxml.jackson.core</groupId>
                                <artifactId>jackson-databind</artifactId>
                                <version>${jackson.version}</version>
                              </dependency>
                            </dependencies>
                          </dependencyManagement>
                        </project>
                        """),
                Map.entry("service/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <parent>
                            <groupId>com.acme</groupId>
                            <artifactId>parent</artifactId>
                            <version>1.0.0</version>
                          </parent>
                          <artifactId>service</artifactId>
                          <dependencies>
                            <dependency>
                              <groupId>com.fasterxml.jackson.core</groupId>
                              <artifactId>jackson-databind</artifactId>
                            </dependency>
                          </dependencies>
                        </project>
                        """),
                Map.entry("android/build.gradle.kts", """
                        dependencies {
                            implementation(libs.okhttp)
                            // implementation("com.example:commented-out:1.0")
                        }
                        """),
                Map.entry("android/settings.gradle.kts", "rootProject.name = \"android\"\n"),
                Map.entry("android/gradle/libs.versions.toml", """
                        [versions]
                        okhttp = "4.12.0"
                        [libraries]
                        okhttp = { module = "com.squareup.okhttp3:okhttp", version.ref = "okhttp" }
                        """),
                Map.entry("scala/build.sbt", """
                        val catsVersion = "2.12.0"
                        libraryDependencies += "org.typelevel" %% "cats-core" % catsVersion
                        """),
                Map.entry("web/package.json", """
                        {"name": "web", "dependencies": {"react": "^18.3.1"}, "devDependencies": {"vitest": "1.6.0"}}
                        """),
                Map.entry("rust/Cargo.toml", "[package]\nname = \"cli\"\n\n[dependencies]\nclap = \"4.5\"\n"),
                Map.entry("tools/go.mod", "module example.com/tools\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.1\n"),
                Map.entry("web/node_modules/left-pad/package.json", "{\"dependencies\": {\"ignored\": \"1.0.0\"}}\n")));
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void findsExactlyWhatEveryFormatDeclares() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url("polyglot"))).getJobId();
        Job job = new JobsApi(client).getJob(jobId);
        Instant deadline = Instant.now().plusSeconds(60);
        while (job.getStatus() == JobStatus.PENDING || job.getStatus() == JobStatus.RUNNING) {
            assertThat("job ended in time", Instant.now().isBefore(deadline), is(true));
            Thread.sleep(50);
            job = new JobsApi(client).getJob(jobId);
        }
        assertThat(job.getStatus(), is(JobStatus.COMPLETED));

        ScanResult result = new JobsApi(client).getJobResults(jobId);

        assertThat(result.getIssues(), empty());
        List<String> rows = result.getFindings().stream().map(CrossFormatScanTest::row).toList();
        assertThat(String.join("\n", rows), rows, contains(
                "cargo clap 4.5 runtime rust/Cargo.toml:5",
                "golang github.com/spf13/cobra v1.8.1 runtime tools/go.mod:5",
                "maven com.acme:parent 1.0.0 build service/pom.xml:3",
                "maven com.fasterxml.jackson.core:jackson-databind 2.17.1 runtime pom.xml:10 service/pom.xml:10",
                "maven com.squareup.okhttp3:okhttp 4.12.0 runtime android/build.gradle.kts:2",
                "maven org.typelevel:cats-core 2.12.0 runtime scala/build.sbt:2",
                "npm react ^18.3.1 runtime web/package.json:1",
                "npm vitest 1.6.0 dev web/package.json:1",
                "pypi flask ==3.0.3 runtime requirements.txt:1 app/main.py:2",
                "pypi hatchling - build pyproject.toml:6",
                "pypi pytest >=8.0 test requirements/test.txt:1",
                "pypi pyyaml - runtime app/main.py:1",
                "pypi sqlalchemy >=2.0 runtime pyproject.toml:3"));

        assertThat(result.getDependencies(), is(Map.of("Web Frameworks", true, "Database", true)));
        assertThat(result.getRestrictedFound(), is(true));
        assertThat(result.getRestrictedFindings().stream().map(CrossFormatScanTest::row).toList(), contains(
                "npm vitest 1.6.0 dev web/package.json:1",
                "pypi sqlalchemy >=2.0 runtime pyproject.toml:3"));
        assertThat(result.getAnalyzedEcosystems(), contains("pypi"));
        assertThat(result.getUnusedDeclared().stream().map(e -> e.getEcosystem() + ":" + e.getName()).toList(),
                   contains("pypi:sqlalchemy"));
        assertThat(result.getUndeclaredImports().stream().map(e -> e.getEcosystem() + ":" + e.getName()).toList(),
                   contains("pypi:pyyaml"));
    }

    private static String row(Finding finding) {
        String sources = finding.getSources().stream()
                .map(source -> source.getFile() + ":" + source.getLine())
                .collect(Collectors.joining(" "));
        return String.join(" ", finding.getEcosystem(), finding.getName(),
                           finding.getVersion() == null ? "-" : finding.getVersion(), finding.getScope().getValue(),
                           sources);
    }
}
