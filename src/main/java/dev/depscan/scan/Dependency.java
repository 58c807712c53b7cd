package dev.depscan.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * One dependency as one plugin saw it in one place; the {@link Scanner} merges these into {@link Finding}s.
 *
 * @param ecosystem       package ecosystem
 * @param name            canonical name (PEP 503 for PyPI, {@code group:artifact} for Maven)
 * @param version         the version text as declared, if any
 * @param resolvedVersion the exact version, when the repository itself determines it
 * @param scope           how it is used
 * @param direct          false for entries that only a lock file mentions
 * @param evidence        where it was found
 */
public record Dependency(Ecosystem ecosystem, String name, Optional<String> version, Optional<String> resolvedVersion,
                         Scope scope, boolean direct, Evidence evidence) {

    public Dependency {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resolvedVersion, "resolvedVersion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(evidence, "evidence");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
