package dev.depscan.scan;

import java.util.Objects;

/**
 * The identity under which findings merge: one package of one ecosystem.
 *
 * @param ecosystem package ecosystem
 * @param name      canonical name
 */
public record PackageKey(Ecosystem ecosystem, String name) {

    public PackageKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }

    public static PackageKey of(Finding finding) {
        return new PackageKey(finding.ecosystem(), finding.name());
    }

    static PackageKey of(Dependency dependency) {
        return new PackageKey(dependency.ecosystem(), dependency.name());
    }
}
