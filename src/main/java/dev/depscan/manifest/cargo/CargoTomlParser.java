package dev.depscan.manifest.cargo;

import dev.depscan.manifest.toml.TomlDepth;
import dev.depscan.manifest.toml.TomlLines;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.TreePaths;
import dev.depscan.scan.spi.TreeReader;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Cargo.toml}: the dependency tables of a crate or a workspace.
 *
 * <p>Scopes: {@code [dependencies]} RUNTIME (OPTIONAL with {@code optional = true}), {@code [dev-dependencies]} DEV,
 * {@code [build-dependencies]} BUILD, the same under {@code [target.<cfg>]}, and {@code [workspace.dependencies]}
 * MANAGED. An entry renamed with {@code package = "real"} is reported under the real crate name. An entry with
 * {@code workspace = true} takes its version from the {@code [workspace.dependencies]} of the nearest
 * {@code Cargo.toml} with a {@code [workspace]} table above it in the repository. Entries with a {@code path} are
 * crates of the repository itself and are left out. Cargo reads {@code "1.2"} as {@code ^1.2}, so only {@code =1.2.3}
 * is an exact, resolved version.
 */
public final class CargoTomlParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "cargo/cargo-toml";

    private static final int MAX_NESTING = 32;
    private static final int MAX_WORKSPACE_HOPS = 16;
    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Pattern EXACT = Pattern.compile("=\\s*(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)");
    private static final Map<String, Scope> TABLES = Map.of(
            "dependencies", Scope.RUNTIME,
            "dev-dependencies", Scope.DEV,
            "build-dependencies", Scope.BUILD);

    public CargoTomlParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("Cargo.toml") || path.endsWith("/Cargo.toml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Optional<JsonNode> root;
        try {
            root = read(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "Cargo.toml is not valid TOML"));
        }
        if (root.isEmpty()) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "Cargo.toml nests too deeply to be read"));
        }
        Collector collector = new Collector(input, new TomlLines(input.text()));
        for (Map.Entry<String, Scope> table : TABLES.entrySet()) {
            collector.table(root.get().path(table.getKey()), table.getKey(), table.getValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> targets = root.get().path("target").fields(); targets.hasNext(); ) {
            Map.Entry<String, JsonNode> target = targets.next();
            for (Map.Entry<String, Scope> table : TABLES.entrySet()) {
                collector.table(target.getValue().path(table.getKey()),
                                "target." + target.getKey() + "." + table.getKey(), table.getValue());
            }
        }
        collector.table(root.get().path("workspace").path("dependencies"), "workspace.dependencies", Scope.MANAGED);
        collector.dependencies.sort(Comparator.comparingInt(d -> d.evidence().line()));
        return new ParseResult(collector.dependencies, collector.issues);
    }

    /** The parsed document; empty when it nests deeper than any real manifest. */
    private static Optional<JsonNode> read(String text) throws JacksonException {
        if (TomlDepth.maxNesting(text) > MAX_NESTING) {
            return Optional.empty();
        }
        JsonNode root = MAPPER.readTree(text);
        return Optional.of(root == null ? MAPPER.createObjectNode() : root);
    }

    /** Collects the entries of one file, resolving workspace inheritance on demand. */
    private static final class Collector {

        private final ManifestInput input;
        private final TomlLines lines;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<ScanIssue> issues = new ArrayList<>();
        private Optional<JsonNode> workspace;

        Collector(ManifestInput input, TomlLines lines) {
            this.input = input;
            this.lines = lines;
        }

        void table(JsonNode table, String header, Scope scope) {
            int headerLine = lines.header(header);
            for (Iterator<Map.Entry<String, JsonNode>> entries = table.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                entry(entry.getKey(), entry.getValue(), scope, lines.key(headerLine, entry.getKey()));
            }
        }

        private void entry(String key, JsonNode spec, Scope scope, int line) {
            String name = key;
            Optional<String> version;
            Scope effective = scope;
            if (spec.isTextual()) {
                version = Optional.of(spec.asText().strip());
            } else if (spec.isObject()) {
                if (spec.has("path")) {
                    return;
                }
                name = spec.path("package").isTextual() ? spec.path("package").asText() : key;
                if (spec.path("optional").asBoolean(false) && scope == Scope.RUNTIME) {
                    effective = Scope.OPTIONAL;
                }
                if (spec.path("workspace").asBoolean(false)) {
                    version = inherited(key, line);
                } else {
                    version = spec.path("version").isTextual() ? Optional.of(spec.path("version").asText().strip())
                            : Optional.empty();
                }
            } else {
                issues.add(new ScanIssue(input.path(), line, ID, "'" + key + "' is neither a version nor a table"));
                return;
            }
            Optional<String> resolved = version.map(EXACT::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1));
            dependencies.add(new Dependency(Ecosystem.CARGO, name, version.filter(v -> !v.isEmpty()), resolved,
                    effective, true, new Evidence(input.path(), line, Evidence.Kind.MANIFEST, ID)));
        }

        /** The version a {@code workspace = true} entry inherits; an issue when the workspace does not declare it. */
        private Optional<String> inherited(String key, int line) {
            if (workspace == null) {
                workspace = findWorkspace(input.tree(), TreePaths.directoryOf(input.path()));
            }
            JsonNode declared = workspace.map(root -> root.path("workspace").path("dependencies").path(key))
                    .orElse(MissingNode.getInstance());
            if (declared.isTextual()) {
                return Optional.of(declared.asText().strip());
            }
            if (declared.path("version").isTextual()) {
                return Optional.of(declared.path("version").asText().strip());
            }
            issues.add(new ScanIssue(input.path(), line, ID,
                                     "'" + key + "' inherits from a workspace that does not declare it"));
            return Optional.empty();
        }
    }

    /** The nearest {@code Cargo.toml} with a {@code [workspace]} table, from {@code directory} up to the root. */
    private static Optional<JsonNode> findWorkspace(TreeReader tree, String directory) {
        String current = directory;
        for (int hop = 0; hop < MAX_WORKSPACE_HOPS; hop++) {
            String candidate = current.isEmpty() ? "Cargo.toml" : current + "/Cargo.toml";
            Optional<JsonNode> root = tree.readText(candidate).flatMap(text -> {
                try {
                    return read(text);
                } catch (JacksonException e) {
                    return Optional.empty();
                }
            });
            if (root.isPresent() && root.get().has("workspace")) {
                return root;
            }
            if (current.isEmpty()) {
                return Optional.empty();
            }
            current = TreePaths.directoryOf(current);
        }
        return Optional.empty();
    }
}
