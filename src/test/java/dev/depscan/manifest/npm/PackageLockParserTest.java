package dev.depscan.manifest.npm;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class PackageLockParserTest {

    private final PackageLockParser parser = new PackageLockParser();

    private ParseResult parse(String fixture, String file) {
        return parser.parse(FixtureTree.of("npm", fixture).input(file));
    }

    @Test
    void readsAVersion3LockWithPathsScopesAndDirectness() {
        ParseResult result = parse("lock-v3", "package-lock.json");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "@tanstack/query-core 5.45.0 5.45.0 RUNTIME",
                "@tanstack/react-query ^5.45.1 5.45.1 RUNTIME",
                "jest 29.7.0 29.7.0 DEV",
                "ansi-styles 5.2.0 5.2.0 DEV",
                "fsevents 2.3.3 2.3.3 OPTIONAL",
                "react ^18.3.1 18.3.1 RUNTIME"));
        assertThat(result.dependencies().stream().filter(Dependency::direct).map(Dependency::name).toList(),
                   contains("@tanstack/react-query", "jest", "react"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(19, 23, 33, 37, 41, 45));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsAVersion1LockIncludingNestedEntries() {
        ParseResult result = parse("lock-v1", "package-lock.json");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "debug 2.6.9 2.6.9 RUNTIME",
                "ms 2.0.0 2.0.0 RUNTIME",
                "mocha 10.4.0 10.4.0 DEV",
                "ms 2.1.3 2.1.3 RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(7, 13, 18, 22));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
    }

    @Test
    void turnsMalformedJsonIntoAnIssue() {
        ParseResult result = parse("malformed", "package.json");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid JSON"));
    }

    @Test
    void acceptsLockAndShrinkwrapFilesOnly() {
        assertThat(parser.accepts("package-lock.json"), is(true));
        assertThat(parser.accepts("web/npm-shrinkwrap.json"), is(true));
        assertThat(parser.accepts("package.json"), is(false));
        assertThat(parser.accepts("yarn.lock"), is(false));
        assertThat(parser.accepts("old-package-lock.json"), is(false));
    }
}
