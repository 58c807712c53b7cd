package dev.depscan.manifest.gradle;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Gradle dependency lock files: {@code gradle.lockfile} ({@code g:a:v=conf1,conf2}), the buildscript and
 * settings lock files next to it, and the older per-configuration {@code gradle/dependency-locks/<conf>.lockfile}
 * (one {@code g:a:v} per line).
 *
 * <p>A lock file lists the whole resolved graph, so every entry is {@code direct=false} with the locked version as
 * both version and resolved version. Scope: {@code BUILD} for {@code buildscript-gradle.lockfile} and
 * {@code settings-gradle.lockfile}; otherwise {@code TEST} when every configuration is a test one, {@code BUILD} when
 * every configuration is an annotation processor one, else {@code RUNTIME}.
 */
public final class GradleLockfileParser implements ManifestParser {

    static final String ID = "gradle/lockfile";

    public GradleLockfileParser() {
        // Stateless: one instance serves every scan.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("gradle.lockfile") || name.equals("buildscript-gradle.lockfile")
                || name.equals("settings-gradle.lockfile")
                || name.endsWith(".lockfile") && (path.startsWith("gradle/dependency-locks/")
                || path.contains("/gradle/dependency-locks/"));
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        String path = input.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean build = name.equals("buildscript-gradle.lockfile") || name.equals("settings-gradle.lockfile");
        boolean legacy = !name.endsWith("gradle.lockfile");
        String legacyConfiguration = name.substring(0, name.length() - ".lockfile".length());
        List<Dependency> found = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        String[] lines = input.text().split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String coordinates = equals < 0 ? line : line.substring(0, equals);
            if (coordinates.equals("empty")) {
                continue; // configurations that resolve to nothing
            }
            List<String> configurations = equals < 0
                    ? (legacy ? List.of(legacyConfiguration) : List.of())
                    : Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip)
                            .filter(c -> !c.isEmpty()).toList();
            String[] parts = coordinates.split(":");
            if (parts.length < 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                issues.add(new ScanIssue(path, n + 1, ID, "not a group:artifact:version entry: " + abbreviate(line)));
                continue;
            }
            Scope scope = build ? Scope.BUILD : scopeOf(configurations);
            found.add(new Dependency(Ecosystem.MAVEN, parts[0] + ":" + parts[1], Optional.of(parts[2]),
                    Optional.of(parts[2]), scope, false, new Evidence(path, n + 1, Evidence.Kind.MANIFEST, ID)));
        }
        return new ParseResult(found, issues);
    }

    static Scope scopeOf(List<String> configurations) {
        List<String> names = configurations.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (names.isEmpty()) {
            return Scope.RUNTIME;
        }
        if (names.stream().allMatch(c -> c.contains("test"))) {
            return Scope.TEST;
        }
        if (names.stream().allMatch(c -> c.contains("annotationprocessor") || c.startsWith("kapt")
                || c.startsWith("ksp"))) {
            return Scope.BUILD;
        }
        return Scope.RUNTIME;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
