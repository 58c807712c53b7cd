package dev.depscan.manifest.conda;

import dev.depscan.manifest.python.Pep508;
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

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pixi.toml}: conda packages from every {@code *dependencies} table, PyPI packages from every
 * {@code pypi-dependencies} table, wherever pixi allows them.
 *
 * <p>Scopes: {@code [dependencies]} and {@code [pypi-dependencies]} are RUNTIME, {@code [host-dependencies]} and
 * {@code [build-dependencies]} BUILD, and the same under {@code [target.<platform>.*]}. A feature's tables
 * ({@code [feature.<name>.*]}, targets included) take their scope from the feature's name: {@code test}, {@code tests},
 * {@code testing} give TEST; {@code dev}, {@code develop}, {@code development}, {@code lint}, {@code format},
 * {@code docs}, {@code doc}, {@code typecheck} give DEV; any other feature (a CUDA or Python-version variant) keeps
 * RUNTIME. pixi-build's {@code [package.run-dependencies]} is RUNTIME and its host and build tables BUILD.
 * A version of {@code "*"} is no version; {@code git} and {@code url} sources have none either, and {@code path}
 * sources are the repository's own code (usually the project itself, {@code path = "."}) and are left out.
 * {@code python} and {@code pip} themselves are not reported. Conda names are lower-cased, PyPI names normalized per
 * PEP 503. {@code [tasks]}, {@code [environments]} and the workspace table are not dependencies.
 */
public final class PixiTomlParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "conda/pixi";

    private static final int MAX_NESTING = 32;
    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Set<String> NOT_DEPENDENCIES = Set.of("python", "pip");
    private static final Set<String> TEST_FEATURES = Set.of("test", "tests", "testing");
    private static final Set<String> DEV_FEATURES = Set.of("dev", "develop", "development", "lint", "format", "docs",
                                                           "doc", "typecheck");
    private static final Map<String, Scope> TABLES = Map.of(
            "dependencies", Scope.RUNTIME, "pypi-dependencies", Scope.RUNTIME, "run-dependencies", Scope.RUNTIME,
            "host-dependencies", Scope.BUILD, "build-dependencies", Scope.BUILD);
    private static final Pattern EXACT = Pattern.compile("^==\\s*([0-9A-Za-z.+!_-]+)$");

    public PixiTomlParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("pixi.toml") || path.endsWith("/pixi.toml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (TomlDepth.maxNesting(input.text()) > MAX_NESTING) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "pixi.toml nests too deeply"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "pixi.toml is not valid TOML"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (root == null) {
            return ParseResult.of(dependencies);
        }
        Reader reader = new Reader(input.path(), new TomlLines(input.text()), dependencies);
        reader.tables(root, "", Optional.empty());
        reader.targets(root.path("target"), "target", Optional.empty());
        for (Iterator<Map.Entry<String, JsonNode>> features = root.path("feature").fields(); features.hasNext(); ) {
            Map.Entry<String, JsonNode> feature = features.next();
            Optional<Scope> scope = featureScope(feature.getKey());
            String prefix = "feature." + feature.getKey();
            reader.tables(feature.getValue(), prefix + ".", scope);
            reader.targets(feature.getValue().path("target"), prefix + ".target", scope);
        }
        reader.tables(root.path("package"), "package.", Optional.empty());
        return ParseResult.of(dependencies);
    }

    private static Optional<Scope> featureScope(String feature) {
        String name = feature.toLowerCase(Locale.ROOT);
        if (TEST_FEATURES.contains(name)) {
            return Optional.of(Scope.TEST);
        }
        return DEV_FEATURES.contains(name) ? Optional.of(Scope.DEV) : Optional.empty();
    }

    /** Walks the dependency tables of one level, finding their lines as it goes. */
    private record Reader(String path, TomlLines lines, List<Dependency> dependencies) {

        void targets(JsonNode targets, String prefix, Optional<Scope> feature) {
            for (Iterator<Map.Entry<String, JsonNode>> it = targets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> target = it.next();
                tables(target.getValue(), prefix + "." + target.getKey() + ".", feature);
            }
        }

        void tables(JsonNode level, String prefix, Optional<Scope> feature) {
            for (Map.Entry<String, Scope> table : TABLES.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                JsonNode entries = level.path(table.getKey());
                if (!entries.isObject()) {
                    continue;
                }
                boolean pypi = table.getKey().equals("pypi-dependencies");
                Scope scope = table.getValue() == Scope.BUILD ? Scope.BUILD : feature.orElse(table.getValue());
                int header = lines.header(prefix + table.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    add(entry.getKey(), entry.getValue(), pypi, scope, header == 0 ? lines.find(0, entry.getKey())
                            : lines.key(header, entry.getKey()));
                }
            }
        }

        private void add(String rawName, JsonNode spec, boolean pypi, Scope scope, int line) {
            String name = pypi ? Pep508.normalize(rawName) : rawName.toLowerCase(Locale.ROOT);
            if (name.isBlank() || NOT_DEPENDENCIES.contains(name) || spec.has("path")) {
                return;
            }
            String text = spec.isTextual() ? spec.asText() : spec.path("version").asText("");
            Optional<String> version = Optional.of(text.strip()).filter(v -> !v.isEmpty() && !v.equals("*"));
            Optional<String> resolved = version.map(EXACT::matcher).filter(Matcher::matches).map(m -> m.group(1))
                    .filter(v -> !v.contains("*"));
            dependencies.add(new Dependency(pypi ? Ecosystem.PYPI : Ecosystem.CONDA, name, version, resolved, scope, true,
                                            new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }
    }
}
