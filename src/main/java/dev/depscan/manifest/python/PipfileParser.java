package dev.depscan.manifest.python;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Pipfile} (pipenv): {@code [packages]} RUNTIME, {@code [dev-packages]} DEV, and any other package category
 * (pipenv 2022+) TEST when its name contains {@code test}, else DEV. A version {@code "*"} means no version; tables
 * give {@code version}, or nothing for {@code git}/{@code path} entries. {@code [requires]}, {@code [source]},
 * {@code [scripts]} and {@code [pipenv]} are not dependencies.
 */
public final class PipfileParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/pipfile";

    private static final int MAX_NESTING = 16;
    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Set<String> NOT_PACKAGES = Set.of("requires", "source", "scripts", "pipenv");

    public PipfileParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("Pipfile") || path.endsWith("/Pipfile");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (TomlDepth.maxNesting(input.text()) > MAX_NESTING) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "Pipfile nests too deeply to be read"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "Pipfile is not valid TOML"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (root == null) {
            return ParseResult.of(dependencies);
        }
        TomlLines lines = new TomlLines(input.text());
        for (Iterator<Map.Entry<String, JsonNode>> sections = root.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (NOT_PACKAGES.contains(section.getKey()) || !section.getValue().isObject()) {
                continue;
            }
            Scope scope = section.getKey().equals("packages") ? Scope.RUNTIME
                    : section.getKey().contains("test") ? Scope.TEST : Scope.DEV;
            int header = lines.header(section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = section.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode spec = entry.getValue();
                String text = spec.isTextual() ? spec.asText() : spec.path("version").asText("");
                Optional<String> version = text.isBlank() || text.strip().equals("*") ? Optional.empty()
                        : Optional.of(text.strip());
                dependencies.add(new Dependency(Ecosystem.PYPI, Pep508.normalize(entry.getKey()), version,
                        version.flatMap(Pep508::exactVersion), scope, true,
                        new Evidence(input.path(), lines.key(header, entry.getKey()), Evidence.Kind.MANIFEST, ID)));
            }
        }
        return ParseResult.of(dependencies);
    }
}
