package dev.depscan.manifest.python;

import dev.depscan.manifest.toml.PackageLockTable;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code uv.lock}: every locked distribution with its exact version, {@code direct=false}, RUNTIME. The project's
 * own packages ({@code source} {@code editable}, {@code virtual}, {@code directory} or {@code path}) are left out.
 */
public final class UvLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/uv-lock";

    private static final Set<String> LOCAL_SOURCES = Set.of("editable", "virtual", "directory", "path");

    public UvLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("uv.lock") || path.endsWith("/uv.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        PackageLockTable.Result table = PackageLockTable.read(input.path(), ID, input.text());
        if (table.issue().isPresent()) {
            return ParseResult.failed(table.issue().get());
        }
        List<Dependency> dependencies = table.entries().stream()
                .filter(entry -> LOCAL_SOURCES.stream().noneMatch(entry.table().path("source")::has))
                .map(entry -> new Dependency(Ecosystem.PYPI, Pep508.normalize(entry.name()),
                                             Optional.of(entry.version()), Optional.of(entry.version()), Scope.RUNTIME,
                                             false, new Evidence(input.path(), entry.line(), Evidence.Kind.MANIFEST, ID)))
                .toList();
        return ParseResult.of(dependencies);
    }
}
