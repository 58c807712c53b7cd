package dev.depscan.scan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

class FindingMergerTest {

    @Test
    void buildsPurlsWithNamespacesPerEcosystem() {
        assertThat(FindingMerger.purl(Ecosystem.MAVEN, "org.postgresql:postgresql", Optional.of("42.7.1")),
                is(Optional.of("pkg:maven/org.postgresql/postgresql@42.7.1")));
        assertThat(FindingMerger.purl(Ecosystem.NPM, "@angular/core", Optional.empty()),
                is(Optional.of("pkg:npm/%40angular/core")));
        assertThat(FindingMerger.purl(Ecosystem.GOLANG, "github.com/gin-gonic/gin", Optional.of("v1.9.1")),
                is(Optional.of("pkg:golang/github.com/gin-gonic/gin@v1.9.1")));
        assertThat(FindingMerger.purl(Ecosystem.PYPI, "flask", Optional.of("2.3.3")), is(Optional.of("pkg:pypi/flask@2.3.3")));
    }

    @Test
    void usesOnlyAnExactPinWhenNothingIsResolved() {
        List<Finding> findings = FindingMerger.merge(List.of(
                manifest("exact", "==1.0", Scope.RUNTIME),
                manifest("range", ">=1.0", Scope.RUNTIME),
                manifest("wild", "==1.*", Scope.RUNTIME)));

        assertThat(findings.stream().map(f -> f.purl().orElseThrow()).toList(),
                contains("pkg:pypi/exact@1.0", "pkg:pypi/range", "pkg:pypi/wild"));
    }

    @Test
    void takesTheDeclaredVersionFromTheManifestEvenWhenTheLockFileComesFirst() {
        Dependency locked = new Dependency(Ecosystem.NPM, "react", Optional.of("18.3.1"),
                Optional.of("18.3.1"), Scope.RUNTIME, false,
                new Evidence("web/package-lock.json", 9, Evidence.Kind.MANIFEST, "npm/package-lock"));
        Dependency declared = new Dependency(Ecosystem.NPM, "react", Optional.of("^18.3.1"),
                Optional.empty(), Scope.RUNTIME, true,
                new Evidence("web/package.json", 3, Evidence.Kind.MANIFEST, "npm/package-json"));
        Dependency lockOnly = new Dependency(Ecosystem.NPM, "loose-envify", Optional.of("1.4.0"),
                Optional.of("1.4.0"), Scope.RUNTIME, false,
                new Evidence("web/package-lock.json", 12, Evidence.Kind.MANIFEST, "npm/package-lock"));

        List<Finding> findings = FindingMerger.merge(List.of(locked, declared, lockOnly));

        assertThat(findings.get(1).version(), is(Optional.of("^18.3.1")));
        assertThat(findings.get(1).resolvedVersion(), is(Optional.of("18.3.1")));
        assertThat(findings.get(0).version(), is(Optional.of("1.4.0")));
    }

    @Test
    void ordersScopesFromRuntimeToManaged() {
        assertThat(FindingMerger.widest(Scope.TEST, Scope.DEV), is(Scope.DEV));
        assertThat(FindingMerger.widest(Scope.BUILD, Scope.OPTIONAL), is(Scope.OPTIONAL));
        assertThat(FindingMerger.widest(Scope.MANAGED, Scope.TEST), is(Scope.TEST));
        assertThat(FindingMerger.widest(Scope.PROVIDED, Scope.RUNTIME), is(Scope.RUNTIME));
    }

    @Test
    void takesVersionsFromManifestsOnly() {
        Dependency imported = new Dependency(Ecosystem.PYPI, "rich", Optional.empty(), Optional.empty(), Scope.RUNTIME, true,
                new Evidence("app.py", 1, Evidence.Kind.IMPORT, "python/imports"));

        Finding rich = FindingMerger.merge(List.of(imported, manifest("rich", ">=13", Scope.DEV))).get(0);

        assertThat(rich.version(), is(Optional.of(">=13")));
        assertThat(rich.scope(), is(Scope.RUNTIME));
        assertThat(rich.sources().get(0).kind(), is(Evidence.Kind.IMPORT));
    }

    private static Dependency manifest(String name, String version, Scope scope) {
        return new Dependency(Ecosystem.PYPI, name, Optional.of(version), Optional.empty(), scope, true,
                new Evidence("requirements.txt", 1, Evidence.Kind.MANIFEST, "python/requirements"));
    }
}
