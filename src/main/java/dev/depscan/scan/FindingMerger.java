package dev.depscan.scan;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Merges per-place dependencies into findings; the rules are documented on {@link Scanner}. */
final class FindingMerger {

    /** Widest first. */
    private static final List<Scope> SCOPE_ORDER = List.of(
            Scope.RUNTIME, Scope.PROVIDED, Scope.OPTIONAL, Scope.PEER, Scope.BUILD, Scope.DEV, Scope.TEST, Scope.MANAGED);

    private static final Pattern EXACT_PIN = Pattern.compile("^===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)$");

    private FindingMerger() {
    }

    static List<Finding> merge(List<Dependency> dependencies) {
        Map<Key, List<Dependency>> groups = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            groups.computeIfAbsent(new Key(d.ecosystem(), d.name()), k -> new ArrayList<>()).add(d);
        }
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, group) -> findings.add(toFinding(key, group)));
        findings.sort(Comparator.comparing((Finding f) -> f.ecosystem().id()).thenComparing(Finding::name));
        return findings;
    }

    static Scope widest(Scope a, Scope b) {
        return SCOPE_ORDER.indexOf(a) <= SCOPE_ORDER.indexOf(b) ? a : b;
    }

    private static Finding toFinding(Key key, List<Dependency> group) {
        Set<Evidence> sources = new LinkedHashSet<>();
        boolean direct = false;
        Scope scope = Scope.MANAGED;
        Optional<String> version = Optional.empty();
        Optional<String> lockedVersion = Optional.empty();
        Optional<String> resolved = Optional.empty();
        for (Dependency d : group) {
            sources.add(d.evidence());
            direct |= d.direct();
            scope = widest(scope, d.scope());
            if (d.evidence().kind() == Evidence.Kind.MANIFEST) {
                if (version.isEmpty() && d.direct()) {
                    version = d.version().filter(v -> !v.isBlank());
                }
                if (lockedVersion.isEmpty()) {
                    lockedVersion = d.version().filter(v -> !v.isBlank());
                }
                if (resolved.isEmpty()) {
                    resolved = d.resolvedVersion().filter(v -> !v.isBlank());
                }
            }
        }
        if (version.isEmpty()) {
            version = lockedVersion;
        }
        Optional<String> declared = version;
        Optional<String> purlVersion = resolved.or(() -> declared.flatMap(FindingMerger::exactPin));
        return new Finding(key.ecosystem(), key.name(), version, resolved, scope, direct,
                purl(key.ecosystem(), key.name(), purlVersion), List.copyOf(sources));
    }

    private static Optional<String> exactPin(String version) {
        Matcher m = EXACT_PIN.matcher(version.strip());
        return m.matches() && !m.group(1).contains("*") ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The package URL, or empty when the name cannot form one (the finding is still reported). */
    static Optional<String> purl(Ecosystem ecosystem, String name, Optional<String> version) {
        String namespace = null;
        String simpleName = name;
        switch (ecosystem) {
            case MAVEN -> {
                int colon = name.indexOf(':');
                if (colon <= 0) {
                    return Optional.empty(); // a Java package no declared artifact provides: no coordinates to name
                }
                namespace = name.substring(0, colon);
                simpleName = name.substring(colon + 1);
            }
            case NPM, GOLANG, COMPOSER, DOCKER -> {
                int slash = name.lastIndexOf('/');
                if (slash > 0) {
                    namespace = name.substring(0, slash);
                    simpleName = name.substring(slash + 1);
                }
            }
            default -> {
            }
        }
        try {
            return Optional.of(new PackageURL(ecosystem.id(), namespace, simpleName, version.orElse(null), null, null)
                    .canonicalize());
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Key(Ecosystem ecosystem, String name) {
    }
}
