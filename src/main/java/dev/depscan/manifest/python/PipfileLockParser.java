package dev.depscan.manifest.python;

import dev.depscan.manifest.json.BoundedJson;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Pipfile.lock} (JSON): {@code default} entries RUNTIME, {@code develop} entries DEV, all {@code direct=false};
 * the resolved version is the {@code ==X} pin. Entries without a version (VCS or path installs) keep no version.
 * Each entry's line is that of its key, found in order through the file.
 */
public final class PipfileLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/pipfile-lock";

    public PipfileLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("Pipfile.lock") || path.endsWith("/Pipfile.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        JsonNode root;
        try {
            root = BoundedJson.MAPPER.readTree(input.text());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "Pipfile.lock is not valid JSON"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return ParseResult.of(dependencies);
        }
        String text = input.text();
        int offset = 0;
        int counted = 0;
        int line = 1;
        for (String section : List.of("default", "develop")) {
            offset = Math.max(offset, text.indexOf("\"" + section + "\""));
            Scope scope = section.equals("default") ? Scope.RUNTIME : Scope.DEV;
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                int found = text.indexOf("\"" + entry.getKey() + "\"", Math.max(0, offset));
                if (found >= 0) {
                    for (; counted < found; counted++) {
                        line += text.charAt(counted) == '\n' ? 1 : 0;
                    }
                    offset = found;
                }
                int entryLine = found < 0 ? 0 : line;
                Optional<String> version = Optional.of(entry.getValue().path("version").asText(""))
                        .filter(v -> !v.isBlank());
                dependencies.add(new Dependency(Ecosystem.PYPI, Pep508.normalize(entry.getKey()), version,
                        version.flatMap(Pep508::exactVersion), scope, false,
                        new Evidence(input.path(), entryLine, Evidence.Kind.MANIFEST, ID)));
            }
        }
        return ParseResult.of(dependencies);
    }
}
