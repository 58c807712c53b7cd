package dev.depscan.manifest.docker;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.manifest.terraform.TerraformParser;
import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class InfrastructureParsersTest {

    @Test
    void readsDockerfileStagesWithArgumentsDigestsAndCopyFromImages() {
        ParseResult result = new DockerfileParser().parse(FixtureTree.of("docker", "stack").input("Dockerfile"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "maven 3.9-eclipse-temurin-21 3.9-eclipse-temurin-21 BUILD",
                "node 20-alpine 20-alpine BUILD",
                "eclipse-temurin 21-jre sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 RUNTIME",
                "ghcr.io/acme/migrations 1.4.0 1.4.0 BUILD"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(5, 10, 13, 16));
        assertThat(result.infrastructure().getFirst().technology(), is(InfrastructureUse.DOCKER));
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsABaseImageThatOnlyABuildArgumentWithoutDefaultNames() {
        ParseResult result = new DockerfileParser().parse(new dev.depscan.scan.spi.ManifestInput(
                "Dockerfile", "ARG IMAGE\nFROM ${IMAGE}\n", FixtureTree.of("docker", "stack")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("build argument without a default"));
    }

    @Test
    void readsComposeServiceImagesButNotTemplatedOnes() {
        ParseResult result = new ComposeParser().parse(FixtureTree.of("docker", "stack").input("docker-compose.yml"));

        assertThat(FixtureTree.rows(result.dependencies()), contains("postgres 16.3 16.3 RUNTIME", "redis 7 7 RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(6, 10));
        assertThat(result.infrastructure().getFirst().technology(), is(InfrastructureUse.DOCKER_COMPOSE));
    }

    @Test
    void readsContainerImagesOfEveryKubernetesDocumentAndIgnoresLookalikes() {
        FixtureTree tree = FixtureTree.of("docker", "stack");
        KubernetesManifestParser parser = new KubernetesManifestParser();
        ParseResult manifests = parser.parse(tree.input("k8s/app.yaml"));

        assertThat(FixtureTree.rows(manifests.dependencies()), contains(
                "ghcr.io/acme/migrations 1.4.0 1.4.0 RUNTIME", "ghcr.io/acme/app 2.3.1 2.3.1 RUNTIME",
                "busybox 1.36 1.36 RUNTIME"));
        assertThat(manifests.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(10, 13, 26));
        assertThat(manifests.infrastructure().getFirst().detail(), is(Optional.of("Deployment")));
        assertThat(parser.parse(tree.input("k8s/not-k8s.yaml")).infrastructure(), empty());
        assertThat(parser.parse(tree.input("docs/config.yaml")).infrastructure(), empty());
        assertThat(parser.parse(tree.input("chart/Chart.yaml")).infrastructure().getFirst().technology(),
                   is(InfrastructureUse.HELM));
        ParseResult template = parser.parse(tree.input("chart/templates/deployment.yaml"));
        assertThat(template.infrastructure().getFirst().technology(), is(InfrastructureUse.HELM));
        assertThat(template.dependencies(), empty());
    }

    @Test
    void readsWorkflowActionsAndBuildImagesOnlyFromRealWorkflows() {
        FixtureTree tree = FixtureTree.of("docker", "stack");
        CiConfigParser parser = new CiConfigParser();
        ParseResult workflow = parser.parse(tree.input(".github/workflows/ci.yml"));

        assertThat(FixtureTree.rows(workflow.dependencies()), contains(
                "maven 3.9-eclipse-temurin-21 3.9-eclipse-temurin-21 BUILD", "postgres 16.3 16.3 BUILD",
                "hadolint/hadolint v2.12.0 v2.12.0 BUILD"));
        assertThat(workflow.infrastructure().stream().map(u -> u.detail().orElse("-")).toList(),
                   contains("-", "actions/checkout@v4", "actions/setup-java@v4"));
        assertThat(parser.parse(tree.input(".github/workflows/notes.yml")).infrastructure(), empty());
        ParseResult gitlab = parser.parse(tree.input(".gitlab-ci.yml"));
        assertThat(FixtureTree.rows(gitlab.dependencies()), contains("python 3.12-slim 3.12-slim BUILD",
                                                                      "redis 7 7 BUILD"));
        assertThat(gitlab.infrastructure().getFirst().technology(), is(InfrastructureUse.GITLAB_CI));
    }

    @Test
    void namesTerraformProvidersWithoutCommentedOnes() {
        ParseResult result = new TerraformParser().parse(FixtureTree.of("docker", "stack").input("infra/main.tf"));

        assertThat(result.infrastructure().stream().map(u -> u.detail().orElse("-") + ":" + u.line()).toList(),
                   contains("hashicorp/aws:5", "hashicorp/random:9", "google:18"));
    }

    @Test
    void scansAWholeStackIntoTechnologyFlagsAndImageFindings() {
        ScanReport report = new Scanner(ScannerOptions.defaults()).scan(
                new DirectoryFileSource(Path.of("src/test/resources/fixtures/manifest/docker/stack")), ScanListener.NONE);

        assertThat(report.infrastructure().stream().map(InfrastructureUse::technology).distinct().sorted().toList(),
                   contains("DevPod", "Docker", "Docker Compose", "GitHub Actions", "GitLab CI", "Helm", "Kubernetes",
                            "Terraform"));
        assertThat(images(report), contains("busybox", "eclipse-temurin", "ghcr.io/acme/app", "ghcr.io/acme/migrations",
                                            "hadolint/hadolint", "maven", "mcr.microsoft.com/devcontainers/java",
                                            "node", "postgres", "python", "redis"));
        assertThat(report.findings().stream().filter(f -> f.name().equals("postgres")).findFirst().orElseThrow()
                           .purl(), is(Optional.of("pkg:docker/postgres@16.3")));
    }

    private static List<String> images(ScanReport report) {
        return report.findings().stream().filter(f -> f.ecosystem() == Ecosystem.DOCKER).map(f -> f.name())
                .collect(Collectors.toList());
    }
}
