package dev.depscan.manifest.cargo;

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

/**
 * {@code Cargo.lock}: every crate of the resolved build graph with its exact version.
 *
 * <p>Lock entries are {@code direct=false} (the manifests say what is declared) and RUNTIME; the version is both the
 * declared and the resolved one. Entries without a {@code source} are the workspace's own crates and are left out.
 */
public final class CargoLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "cargo/cargo-lock";

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
        PackageLockTable.Result table = PackageLockTable.read(input.path(), ID, input.text());
        if (table.issue().isPresent()) {
            return ParseResult.failed(table.issue().get());
        }
        List<Dependency> dependencies = table.entries().stream()
                .filter(entry -> entry.table().has("source"))
                .map(entry -> new Dependency(Ecosystem.CARGO, entry.name(), Optional.of(entry.version()),
                                             Optional.of(entry.version()), Scope.RUNTIME, false,
                                             new Evidence(input.path(), entry.line(), Evidence.Kind.MANIFEST, ID)))
                .toList();
        return ParseResult.of(dependencies);
    }
}
