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

/**
 * One repository with a file of every supported format and sources in Python, Java, Scala, TypeScript and Go, scanned
 * through the API: the exact findings, declared-versus-used lists, API calls, infrastructure and policy summary.
 */
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
                Map.entry("app/llm.py", "import os\nimport urllib.request\n\n"
                                        + "urllib.request.urlopen('https://api.openai.com/v1/models')\n"),
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
                Map.entry("web/node_modules/left-pad/package.json", "{\"dependencies\": {\"ignored\": \"1.0.0\"}}\n"),
                Map.entry("py/setup.cfg", "[options]\ninstall_requires =\n    click>=8\n"),
                Map.entry("py/setup.py",
                          "from setuptools import setup\nsetup(name=\"x\", install_requires=[\"rich==13.7.1\"])\n"),
                Map.entry("py/Pipfile", "[packages]\nhttpx = \">=0.27\"\n\n[dev-packages]\nblack = \"==24.4.2\"\n"),
                Map.entry("py/Pipfile.lock", """
                        {"_meta": {"requires": {}},
                         "default": {"httpx": {"version": "==0.27.0"}},
                         "develop": {"black": {"version": "==24.4.2"}}}
                        """),
                Map.entry("py/poetry.lock", "[[package]]\nname = \"attrs\"\nversion = \"23.2.0\"\n"),
                Map.entry("py/uv.lock", "version = 1\n\n[[package]]\nname = \"idna\"\nversion = \"3.7\"\n"
                                        + "source = { registry = \"https://pypi.org/simple\" }\n"),
                Map.entry("py/pdm.lock", "[[package]]\nname = \"sniffio\"\nversion = \"1.3.1\"\ngroups = [\"default\"]\n"),
                Map.entry("env/environment.yml", "name: env\ndependencies:\n  - numpy=1.26\n  - pip:\n    - tqdm==4.66.4\n"),
                Map.entry("env/pixi.toml", "[dependencies]\nscipy = \">=1.13\"\n"),
                Map.entry("android/gradle.lockfile", "com.squareup.okio:okio:3.6.0=runtimeClasspath\nempty=\n"),
                Map.entry("web/package-lock.json", """
                        {"name": "web", "lockfileVersion": 3, "packages": {
                          "": {"name": "web", "dependencies": {"react": "^18.3.1"}},
                          "node_modules/react": {"version": "18.3.1"},
                          "node_modules/loose-envify": {"version": "1.4.0"}}}
                        """),
                Map.entry("web2/yarn.lock", "left-pad@^1.3.0:\n  version \"1.3.0\"\n"),
                Map.entry("web3/pnpm-lock.yaml", """
                        lockfileVersion: '9.0'
                        importers:
                          .:
                            dependencies:
                              lodash:
                                specifier: ^4.17.21
                                version: 4.17.21
                        packages:
                          lodash@4.17.21:
                            resolution: {integrity: sha512-x}
                        """),
                Map.entry("rust/Cargo.lock", "version = 3\n\n[[package]]\nname = \"clap\"\nversion = \"4.5.7\"\n"
                                            + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n"),
                Map.entry("ruby/Gemfile", "source \"https://rubygems.org\"\ngem \"rack\", \"~> 3.0\"\n"),
                Map.entry("ruby/Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.11)\n\n"
                                              + "DEPENDENCIES\n  rack (~> 3.0)\n"),
                Map.entry("php/composer.json", "{\"require\": {\"php\": \">=8.2\", \"monolog/monolog\": \"^3.6\"}}\n"),
                Map.entry("php/composer.lock", "{\"packages\": [{\"name\": \"monolog/monolog\", \"version\": \"3.6.0\"}]}\n"),
                Map.entry("dotnet/Directory.Packages.props", """
                        <Project>
                          <ItemGroup>
                            <PackageVersion Include="Serilog" Version="3.1.1" />
                          </ItemGroup>
                        </Project>
                        """),
                Map.entry("dotnet/App/App.csproj", """
                        <Project Sdk="Microsoft.NET.Sdk">
                          <ItemGroup>
                            <PackageReference Include="Serilog" />
                          </ItemGroup>
                        </Project>
                        """),
                Map.entry("dotnet/App/packages.lock.json", """
                        {"version": 1, "dependencies": {"net8.0": {
                          "Serilog": {"type": "Direct", "requested": "[3.1.1, )", "resolved": "3.1.1"}}}}
                        """),
                Map.entry("service/src/main/java/com/acme/service/App.java", """
                        package com.acme.service;

                        import java.util.List;
                        import com.fasterxml.jackson.databind.ObjectMapper;
                        import com.google.common.collect.ImmutableList;

                        class App {
                        }
                        """),
                Map.entry("scala/src/main/scala/App.scala", """
                        package com.acme

                        import cats.syntax.all._
                        import io.circe.parser._

                        object App
                        """),
                Map.entry("web/src/index.ts", """
                        import React from 'react';
                        import axios from 'axios';
                        import { helper } from './helper';
                        export const pay = () => fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
                        """),
                Map.entry("tools/main.go", """
                        package main

                        import (
                        	"fmt"
                        	"github.com/google/uuid"
                        	"github.com/spf13/cobra"
                        )
                        """),
                Map.entry("deploy/Dockerfile", "FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n"),
                Map.entry("deploy/k8s.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: app
                        spec:
                          template:
                            spec:
                              containers:
                                - name: app
                                  image: ghcr.io/acme/app:2.3.1
                        """),
                Map.entry(".github/workflows/ci.yml", """
                        on: [push]
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                        """),
                Map.entry("legacy/packages.config",
                          "<packages>\n  <package id=\"NUnit\" version=\"3.14.0\" />\n</packages>\n")));
        server = GitHttpTestServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void findsExactlyWhatEveryFormatDeclares() throws Exception {
        ApiClient client = TestClients.generated(target);
        String jobId = new ScanApi(client).submitScan(new ScanRequest().gitUrl(server.url("polyglot")), null).getJobId();
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
                "cargo clap 4.5 runtime rust/Cargo.lock:4 rust/Cargo.toml:5",
                "composer monolog/monolog ^3.6 runtime php/composer.json:1 php/composer.lock:1",
                "conda numpy =1.26 runtime env/environment.yml:3",
                "conda scipy >=1.13 runtime env/pixi.toml:2",
                "docker eclipse-temurin 21-jre runtime deploy/Dockerfile:1",
                "docker ghcr.io/acme/app 2.3.1 runtime deploy/k8s.yaml:10",
                "gem rack ~> 3.0 runtime ruby/Gemfile:2 ruby/Gemfile.lock:4",
                "golang github.com/google/uuid - runtime tools/main.go:5",
                "golang github.com/spf13/cobra v1.8.1 runtime tools/go.mod:5 tools/main.go:6",
                "maven com.acme:parent 1.0.0 build service/pom.xml:3",
                "maven com.fasterxml.jackson.core:jackson-databind 2.17.1 runtime pom.xml:10 service/pom.xml:10 "
                + "service/src/main/java/com/acme/service/App.java:4",
                "maven com.google.guava:guava - runtime service/src/main/java/com/acme/service/App.java:5",
                "maven com.squareup.okhttp3:okhttp 4.12.0 runtime android/build.gradle.kts:2",
                "maven com.squareup.okio:okio 3.6.0 runtime android/gradle.lockfile:1",
                "maven io.circe:circe-core - runtime scala/src/main/scala/App.scala:4",
                "maven org.typelevel:cats-core 2.12.0 runtime scala/build.sbt:2 scala/src/main/scala/App.scala:3",
                "npm axios - runtime web/src/index.ts:2",
                "npm left-pad 1.3.0 runtime web2/yarn.lock:1",
                "npm lodash ^4.17.21 runtime web3/pnpm-lock.yaml:5 web3/pnpm-lock.yaml:9",
                "npm loose-envify 1.4.0 runtime web/package-lock.json:4",
                "npm react ^18.3.1 runtime web/package-lock.json:3 web/package.json:1 web/src/index.ts:1",
                "npm vitest 1.6.0 dev web/package.json:1",
                "nuget NUnit 3.14.0 runtime legacy/packages.config:2",
                "nuget Serilog 3.1.1 runtime dotnet/App/App.csproj:3 dotnet/App/packages.lock.json:2 "
                + "dotnet/Directory.Packages.props:3",
                "pypi attrs 23.2.0 runtime py/poetry.lock:2",
                "pypi black ==24.4.2 dev py/Pipfile:5 py/Pipfile.lock:3",
                "pypi click >=8 runtime py/setup.cfg:3",
                "pypi flask ==3.0.3 runtime requirements.txt:1 app/main.py:2",
                "pypi hatchling - build pyproject.toml:6",
                "pypi httpx >=0.27 runtime py/Pipfile:2 py/Pipfile.lock:2",
                "pypi idna 3.7 runtime py/uv.lock:4",
                "pypi pytest >=8.0 test requirements/test.txt:1",
                "pypi pyyaml - runtime app/main.py:1",
                "pypi rich ==13.7.1 runtime py/setup.py:2",
                "pypi setuptools - build py/setup.py:1",
                "pypi sniffio 1.3.1 runtime py/pdm.lock:2",
                "pypi sqlalchemy >=2.0 runtime pyproject.toml:3",
                "pypi tqdm ==4.66.4 runtime env/environment.yml:5"));

        assertThat(result.getDependencies(), is(Map.of("Web Frameworks", true, "Database", true,
                                                       "Machine Learning", false)));
        assertThat(result.getApiUsage(), is(Map.of("Web Frameworks", false, "Database", false, "Machine Learning", true)));
        assertThat(result.getApiCalls().stream().map(c -> c.getMethod() + " " + c.getUrl() + " " + c.getFile() + ":"
                                                          + c.getLine() + " " + c.getCategories() + " " + c.getVerdict())
                           .toList(),
                   contains("GET https://api.openai.com/v1/models app/llm.py:4 [Machine Learning] restricted",
                            "POST https://api.stripe.com/v1/charges web/src/index.ts:4 [] unknown"));
        assertThat(result.getInfrastructureUsage(), is(Map.of("Docker", true, "Docker Compose", false,
                "Kubernetes", true, "Helm", false, "Terraform", false, "GitHub Actions", true, "GitLab CI", false,
                "DevPod", false)));
        assertThat(result.getInfrastructure().stream().map(e -> e.getTechnology() + " " + e.getFile() + ":" + e.getLine()
                                                                + " " + e.getDetail()).toList(), contains(
                "GitHub Actions .github/workflows/ci.yml:2 null",
                "GitHub Actions .github/workflows/ci.yml:6 actions/checkout@v4",
                "Docker deploy/Dockerfile:1 null",
                "Kubernetes deploy/k8s.yaml:2 Deployment"));
        assertThat(result.getRestrictedFound(), is(true));
        assertThat(result.getRestrictedFindings().stream().map(CrossFormatScanTest::row).toList(), contains(
                "npm vitest 1.6.0 dev web/package.json:1",
                "pypi sqlalchemy >=2.0 runtime pyproject.toml:3"));
        assertThat(result.getAnalyzedEcosystems(), contains("pypi", "maven", "npm", "golang"));
        assertThat(result.getUnusedDeclared().stream().map(e -> e.getEcosystem() + ":" + e.getName()).toList(),
                   contains("maven:com.squareup.okhttp3:okhttp", "npm:lodash", "pypi:click", "pypi:httpx", "pypi:rich",
                            "pypi:sqlalchemy", "pypi:tqdm"));
        assertThat(result.getUndeclaredImports().stream().map(e -> e.getEcosystem() + ":" + e.getName()).toList(),
                   contains("golang:github.com/google/uuid", "maven:com.google.guava:guava", "maven:io.circe:circe-core",
                            "npm:axios", "pypi:pyyaml"));
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
