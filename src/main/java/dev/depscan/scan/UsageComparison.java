package dev.depscan.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes {@link DeclaredVersusUsed} from the unmerged dependencies of one scan.
 *
 * <p>It works on dependencies rather than findings because a finding's {@code direct} flag mixes the two views: a
 * package only a lock file names but the code imports is direct as a finding, yet undeclared. Imports made only by
 * build scripts ({@code setuptools} in {@code setup.py}) are not reported as undeclared: build tools are declared, if
 * at all, where the build system looks for them. Declared dependencies
 * that are used without any import (the bundled {@code used-without-imports.txt}, build and managed scopes, npm
 * {@code @types/x} when {@code x} is imported) are never reported as unused. A PyPI import declared only as a conda
 * package of the same name counts as declared, since conda environments install Python packages.
 */
final class UsageComparison {

    private static final Map<Ecosystem, List<Pattern>> USED_WITHOUT_IMPORTS = load("used-without-imports.txt");

    private UsageComparison() {
    }

    static DeclaredVersusUsed compare(List<Dependency> dependencies, List<Finding> findings, Set<Ecosystem> analyzed) {
        Set<PackageKey> declared = new HashSet<>();
        Set<PackageKey> expectedInCode = new HashSet<>();
        Set<PackageKey> used = new HashSet<>();
        Set<PackageKey> usedBeyondBuild = new HashSet<>();
        for (Dependency dependency : dependencies) {
            PackageKey key = PackageKey.of(dependency);
            if (dependency.evidence().kind() == Evidence.Kind.IMPORT) {
                used.add(key);
                if (dependency.scope() != Scope.BUILD) {
                    usedBeyondBuild.add(key);
                }
            } else if (dependency.direct() && dependency.scope() != Scope.MANAGED) {
                declared.add(key);
                if (dependency.scope() != Scope.BUILD) {
                    expectedInCode.add(key);
                }
            }
        }
        List<Finding> unused = new ArrayList<>();
        List<Finding> undeclared = new ArrayList<>();
        for (Finding finding : findings) {
            if (!analyzed.contains(finding.ecosystem())) {
                continue;
            }
            PackageKey key = PackageKey.of(finding);
            if (expectedInCode.contains(key) && !used.contains(key) && !usedWithoutImports(key, used)) {
                unused.add(finding);
            }
            if (usedBeyondBuild.contains(key) && !declared.contains(key) && !declaredAsConda(key, declared)) {
                undeclared.add(finding);
            }
        }
        return new DeclaredVersusUsed(analyzed, declared, used, unused, undeclared);
    }

    private static boolean usedWithoutImports(PackageKey key, Set<PackageKey> used) {
        if (USED_WITHOUT_IMPORTS.getOrDefault(key.ecosystem(), List.of()).stream()
                .anyMatch(p -> p.matcher(key.name()).matches())) {
            return true;
        }
        return key.ecosystem() == Ecosystem.NPM && key.name().startsWith("@types/")
                && used.contains(new PackageKey(Ecosystem.NPM, typedPackage(key.name())));
    }

    /** {@code @types/node-fetch} types {@code node-fetch}; {@code @types/babel__core} types {@code @babel/core}. */
    static String typedPackage(String typesName) {
        String typed = typesName.substring("@types/".length());
        int scope = typed.indexOf("__");
        return scope > 0 ? "@" + typed.substring(0, scope) + "/" + typed.substring(scope + 2) : typed;
    }

    private static boolean declaredAsConda(PackageKey key, Set<PackageKey> declared) {
        return key.ecosystem() == Ecosystem.PYPI && declared.contains(new PackageKey(Ecosystem.CONDA, key.name()));
    }

    static Map<Ecosystem, List<Pattern>> parse(String text) {
        Map<Ecosystem, List<Pattern>> rules = new EnumMap<>(Ecosystem.class);
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("used-without-imports.txt line " + number
                                                + ": expected '<ecosystem> <name glob>'");
            }
            Ecosystem ecosystem = Ecosystem.valueOf(parts[0].toUpperCase(Locale.ROOT));
            rules.computeIfAbsent(ecosystem, e -> new ArrayList<>()).add(glob(parts[1]));
        }
        return rules;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }

    private static Map<Ecosystem, List<Pattern>> load(String resource) {
        try (InputStream in = UsageComparison.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
