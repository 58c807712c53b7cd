package dev.depscan.manifest.cargo;

import dev.depscan.manifest.toml.TomlDepth;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Cargo.lock}: every crate of the resolved build graph with its exact version.
 *
 * <p>Lock entries are {@code direct=false} (the manifests say what is declared) and RUNTIME; the version is both the
 * declared and the resolved one. Entries without a {@code source} are the workspace's own crates and are left out.
 * Each entry's line is the line of its {@code name = "..."} key, found in order through the file.
 */
public final class CargoLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "cargo/cargo-lock";

    private static final int MAX_NESTING = 16;
    private static final TomlMapper MAPPER = new TomlMapper();

    public CargoLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("Cargo.lock") || path.endsWith("/Cargo.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (TomlDepth.maxNesting(input.text()) > MAX_NESTING) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "Cargo.lock nests too deeply to be read"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "Cargo.lock is not valid TOML"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        if (root == null) {
            return ParseResult.of(dependencies);
        }
        String[] lines = input.text().split("\r?\n", -1);
        int cursor = 0;
        for (JsonNode entry : root.path("package")) {
            String name = entry.path("name").asText("");
            String version = entry.path("version").asText("");
            cursor = lineOf(lines, cursor, name);
            if (name.isEmpty() || version.isEmpty()) {
                issues.add(new ScanIssue(input.path(), cursor, ID, "a [[package]] without name or version"));
                continue;
            }
            if (!entry.has("source")) {
                continue;
            }
            dependencies.add(new Dependency(Ecosystem.CARGO, name, Optional.of(version), Optional.of(version),
                    Scope.RUNTIME, false, new Evidence(input.path(), cursor, Evidence.Kind.MANIFEST, ID)));
        }
        return new ParseResult(dependencies, issues);
    }

    /** The next line at or after {@code from} (1-based; 0 = start) that declares {@code name = "<name>"}. */
    private static int lineOf(String[] lines, int from, String name) {
        String declaration = "name = \"" + name + "\"";
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals(declaration)) {
                return i + 1;
            }
        }
        return from;
    }
}
