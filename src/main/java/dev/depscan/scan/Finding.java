package dev.depscan.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dependency of the scanned tree, merged over every place it was found.
 *
 * @param ecosystem       package ecosystem
 * @param name            canonical name
 * @param version         the declared version text of the most specific declaration, if any
 * @param resolvedVersion the exact version, when the repository determines it
 * @param scope           the widest scope among its declarations (runtime wins over test, ...)
 * @param direct          true when any manifest (not only a lock file) or import names it
 * @param purl            package URL
 * @param sources         every place it was found, in scan order
 */
public record Finding(Ecosystem ecosystem, String name, Optional<String> version, Optional<String> resolvedVersion,
                      Scope scope, boolean direct, Optional<String> purl, List<Evidence> sources) {

    public Finding {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resolvedVersion, "resolvedVersion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(purl, "purl");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one source");
        }
    }
}
