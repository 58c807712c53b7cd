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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pdm.lock}: every locked distribution with its exact version, {@code direct=false}. PDM records the groups
 * that need each package ({@code groups = ["default", "test"]}, lock format 4.4 and later): a package outside the
 * {@code default} group is only needed by optional or development groups and gets DEV; RUNTIME otherwise, and when
 * the lock does not say. The same distribution locked once plain and once with extras is one entry.
 */
public final class PdmLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/pdm-lock";

    public PdmLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("pdm.lock") || path.endsWith("/pdm.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        PackageLockTable.Result table = PackageLockTable.read(input.path(), ID, input.text());
        if (table.issue().isPresent()) {
            return ParseResult.failed(table.issue().get());
        }
        List<Dependency> dependencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PackageLockTable.Entry entry : table.entries()) {
            String name = Pep508.normalize(entry.name());
            if (!seen.add(name + "@" + entry.version())) {
                continue;
            }
            JsonNode groups = entry.table().path("groups");
            boolean dev = groups.isArray() && !groups.isEmpty() && !contains(groups, "default");
            dependencies.add(new Dependency(Ecosystem.PYPI, name, Optional.of(entry.version()),
                                            Optional.of(entry.version()), dev ? Scope.DEV : Scope.RUNTIME, false,
                                            new Evidence(input.path(), entry.line(), Evidence.Kind.MANIFEST, ID)));
        }
        return ParseResult.of(dependencies);
    }

    private static boolean contains(JsonNode groups, String group) {
        for (JsonNode g : groups) {
            if (g.asText().equals(group)) {
                return true;
            }
        }
        return false;
    }
}
