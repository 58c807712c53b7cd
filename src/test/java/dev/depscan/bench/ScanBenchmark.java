package dev.depscan.bench;

import dev.depscan.git.GitTreeFileSource;
import dev.depscan.scan.PluginRegistry;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.TreeReader;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scan stage on a generated monorepo: {@code modules} modules, each with a {@code pom.xml} (parent and
 * managed versions), a {@code build.gradle.kts}, a {@code package.json}, a {@code go.mod}, a {@code requirements.txt},
 * a {@code pyproject.toml}, three Python sources and five other files. Prints, for every parser, files and megabytes
 * per second on its own files, then the whole scan read from a Git object database, as the service does it.
 *
 * <p>Run with {@code .ci/bench-scan [modules] [rounds]}.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int modules = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("depscan-bench");
        try {
            Path tree = work.resolve("tree");
            Map<String, String> files = generate(modules);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = tree.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            long bytes = files.values().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
            System.out.printf(Locale.ROOT, "tree: %d files, %.1f MB, %d modules, %d cores, Java %s%n", files.size(),
                              bytes / 1e6, modules, Runtime.getRuntime().availableProcessors(),
                              System.getProperty("java.version"));
            perParser(files, rounds);
            wholeScan(tree, work.resolve("repo.git"), files.size(), bytes, rounds);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void perParser(Map<String, String> files, int rounds) {
        TreeReader tree = new TreeReader() {
            @Override
            public List<String> paths() {
                return List.copyOf(files.keySet());
            }

            @Override
            public Optional<String> readText(String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %7s %10s %12s %10s%n", "parser", "files", "MB", "files/s", "MB/s");
        for (ManifestParser parser : PluginRegistry.defaults().parsers()) {
            List<String> accepted = files.keySet().stream().filter(parser::accepts).toList();
            if (accepted.isEmpty()) {
                continue;
            }
            long bytes = accepted.stream().mapToLong(p -> files.get(p).getBytes(StandardCharsets.UTF_8).length).sum();
            long best = Long.MAX_VALUE;
            for (int round = 0; round < rounds + 1; round++) {
                long start = System.nanoTime();
                for (String path : accepted) {
                    parser.parse(new ManifestInput(path, files.get(path), tree));
                }
                long took = System.nanoTime() - start;
                if (round > 0) {
                    best = Math.min(best, took);
                }
            }
            double seconds = best / 1e9;
            System.out.printf(Locale.ROOT, "%-22s %7d %10.2f %12.0f %10.1f%n", parser.id(), accepted.size(),
                              bytes / 1e6, accepted.size() / seconds, bytes / 1e6 / seconds);
        }
    }

    private static void wholeScan(Path tree, Path bare, int fileCount, long bytes, int rounds) throws Exception {
        String commit;
        try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("bench", "bench@example.com");
            commit = git.commit().setMessage("generated").setAuthor(who).setCommitter(who).setSign(false).call().name();
        }
        Path gitDir = tree.resolve(".git");
        Scanner scanner = new Scanner(ScannerOptions.defaults());
        long sources;
        try (Stream<Path> walk = Files.walk(tree)) {
            sources = walk.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".py") || n.endsWith(".java") || n.endsWith(".ts") || n.endsWith(".go"))
                    .count();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %10s %12s %12s %10s %9s %9s%n", "round", "ms", "files/s", "sources/s", "MB/s",
                          "read", "findings");
        for (int round = 0; round <= rounds; round++) {
            long start = System.nanoTime();
            ScanReport report;
            try (GitTreeFileSource source = GitTreeFileSource.open(gitDir, commit)) {
                report = scanner.scan(source, ScanListener.NONE);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-6s %10.0f %12.0f %12.0f %10.1f %9d %9d%n", round == 0 ? "warmup" : round,
                              seconds * 1000, fileCount / seconds, sources / seconds, bytes / 1e6 / seconds,
                              report.filesScanned(), report.findings().size());
        }
    }

    /** A monorepo written the way real ones are: modules sharing a parent, each in several ecosystems. */
    static Map<String, String> generate(int modules) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", """
                <project><modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0.0</version>
                  <packaging>pom</packaging>
                  <properties><jackson.version>2.17.1</jackson.version><junit.version>5.10.2</junit.version></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId>
                      <version>${jackson.version}</version></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                      <version>${junit.version}</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """);
        for (int m = 0; m < modules; m++) {
            String dir = "services/svc-" + m + "/";
            files.put(dir + "pom.xml", """
                    <project><modelVersion>4.0.0</modelVersion>
                      <parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0.0</version>
                        <relativePath>../../pom.xml</relativePath></parent>
                      <artifactId>svc-%d</artifactId>
                      <dependencies>
                        <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId></dependency>
                        <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.3</version></dependency>
                        <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                      </dependencies>
                    </project>
                    """.formatted(m));
            files.put(dir + "build.gradle.kts", """
                    plugins { java }
                    val guavaVersion = "33.2.1-jre"
                    dependencies {
                        implementation("com.google.guava:guava:$guavaVersion")
                        implementation(platform("org.springframework.boot:spring-boot-dependencies:3.3.0"))
                        testImplementation("org.assertj:assertj-core:3.26.0") // assertions
                    }
                    """);
            files.put(dir + "package.json", """
                    {"name": "svc-%d", "dependencies": {"express": "^4.19.2", "pg": "8.12.0"},
                     "devDependencies": {"jest": "29.7.0"}}
                    """.formatted(m));
            files.put(dir + "go.mod", "module example.com/svc%d\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n"
                                      .formatted(m) + "\tgolang.org/x/net v0.26.0 // indirect\n)\n");
            files.put(dir + "requirements.txt", "flask==3.0.3\nnumpy>=1.26  # arrays\nrequests[socks]==2.32.3\n");
            files.put(dir + "pyproject.toml", """
                    [project]
                    name = "svc-%d"
                    dependencies = ["sqlalchemy>=2.0", "pydantic>=2.7,<3"]
                    [project.optional-dependencies]
                    test = ["pytest>=8"]
                    """.formatted(m));
            for (int s = 0; s < 3; s++) {
                files.put(dir + "app/mod" + s + ".py", """
                        import os
                        import numpy as np
                        from flask import Flask, jsonify
                        from sqlalchemy.orm import Session
                        from app import mod%d  # first-party

                        def handler():
                            \"\"\"import tensorflow (only in a docstring)\"\"\"
                            return jsonify(np.arange(3).tolist())
                        """.formatted(s));
            }
            files.put(dir + "app/__init__.py", "");
            files.put(dir + "README.md", "# svc " + m + "\n");
            files.put(dir + "src/main/java/Main.java", """
                    package com.acme.svc%d;

                    import java.util.List;
                    import com.fasterxml.jackson.databind.ObjectMapper;
                    import org.postgresql.Driver;

                    class Main { public static void main(String[] a) { new ObjectMapper(); } }
                    """.formatted(m));
            files.put(dir + "web/index.ts", """
                    import express from 'express';
                    import { Pool } from 'pg';
                    import { helper } from './helper';
                    const app = express();
                    app.get('/', async (_req, res) => res.json(await fetch('https://api.example.com/v1/items')));
                    """);
            files.put(dir + "cmd/main.go", """
                    package main

                    import (
                    	"fmt"
                    	"github.com/go-chi/chi/v5"
                    )

                    func main() { fmt.Println(chi.NewRouter()) }
                    """);
            files.put(dir + "Dockerfile", "FROM eclipse-temurin:21-jre\n");
            files.put(dir + "config.yaml", "port: 8080\n");
        }
        return files;
    }
}
