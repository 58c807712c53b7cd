package dev.depscan.manifest.python;

import dev.depscan.manifest.toml.PackageLockTable;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * {@code poetry.lock}: every locked distribution with its exact version, {@code direct=false}. Scope DEV when the
 * entry belongs only to non-main groups ({@code groups = [...]}, Poetry 2) or has {@code category = "dev"} (Poetry
 * before 1.5); RUNTIME otherwise.
 */
public final class PoetryLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/poetry-lock";

    public PoetryLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("poetry.lock") || path.endsWith("/poetry.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        PackageLockTable.Result table = PackageLockTable.read(input.path(), ID, input.text());
        if (table.issue().isPresent()) {
            return ParseResult.failed(table.issue().get());
        }
        List<Dependency> dependencies = table.entries().stream().map(entry -> {
            boolean dev = entry.table().path("category").asText("main").equals("dev")
                          || entry.table().has("groups") && !inMainGroup(entry.table().path("groups"));
            return new Dependency(Ecosystem.PYPI, Pep508.normalize(entry.name()), Optional.of(entry.version()),
                                  Optional.of(entry.version()), dev ? Scope.DEV : Scope.RUNTIME, false,
                                  new Evidence(input.path(), entry.line(), Evidence.Kind.MANIFEST, ID));
        }).toList();
        return ParseResult.of(dependencies);
    }

    private static boolean inMainGroup(JsonNode groups) {
        for (JsonNode group : groups) {
            if (group.asText().equals("main")) {
                return true;
            }
        }
        return false;
    }
}
