package dev.depscan.scan;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The manifests' view of a repository against its source code's view.
 *
 * @param analyzed          ecosystems whose source code was analyzed (an analyzer read at least one file); the two
 *                          lists cover only these, because without source code "never imported" means nothing
 * @param declared          packages a manifest (not only a lock file) declares directly, in any scope but managed
 * @param used              packages some analyzed source file imports
 * @param unusedDeclared    declared, never imported, and not of a kind that is used without imports
 * @param undeclaredImports imported, never declared directly (standard library and first-party code are never
 *                          reported by the analyzers in the first place)
 */
public record DeclaredVersusUsed(Set<Ecosystem> analyzed, Set<PackageKey> declared, Set<PackageKey> used,
                                 List<Finding> unusedDeclared, List<Finding> undeclaredImports) {

    /** Nothing analyzed, nothing compared. */
    public static final DeclaredVersusUsed NONE = new DeclaredVersusUsed(Set.of(), Set.of(), Set.of(), List.of(),
                                                                         List.of());

    public DeclaredVersusUsed {
        analyzed = Set.copyOf(analyzed);
        declared = Set.copyOf(declared);
        used = Set.copyOf(used);
        unusedDeclared = List.copyOf(unusedDeclared);
        undeclaredImports = List.copyOf(undeclaredImports);
    }

    public boolean isDeclared(Finding finding) {
        return declared.contains(PackageKey.of(Objects.requireNonNull(finding, "finding")));
    }

    public boolean isUsed(Finding finding) {
        return used.contains(PackageKey.of(Objects.requireNonNull(finding, "finding")));
    }
}
