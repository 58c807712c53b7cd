package dev.depscan.manifest.npm;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class PnpmLockParserTest {

    private final PnpmLockParser parser = new PnpmLockParser();

    @Test
    void readsASingleProjectLockOfVersion5WithPeerSuffixes() {
        ParseResult result = parser.parse(FixtureTree.of("npm", "pnpm-v5").input("pnpm-lock.yaml"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "react ^18.2.0 18.2.0 RUNTIME",
                "react-dom ^18.2.0 18.2.0 RUNTIME",
                "@types/react ^18.2.0 18.2.6 DEV",
                "typescript ~5.0.4 5.0.4 DEV",
                "@types/react 18.2.6 18.2.6 DEV",
                "csstype 3.1.2 3.1.2 DEV",
                "loose-envify 1.4.0 1.4.0 RUNTIME",
                "react-dom 18.2.0 18.2.0 RUNTIME",
                "react 18.2.0 18.2.0 RUNTIME",
                "typescript 5.0.4 5.0.4 DEV"));
        assertThat(result.dependencies().stream().map(Dependency::direct).toList(),
                   contains(true, true, true, true, false, false, false, false, false, false));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(10, 11, 14, 15, 19, 25, 29, 33, 42, 46));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsWorkspaceImportersOfVersion6WithoutWorkspaceLinksOrGitPackages() {
        ParseResult result = parser.parse(FixtureTree.of("npm", "pnpm-v6").input("pnpm-lock.yaml"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "vitest ^1.6.0 1.6.0 DEV",
                "express ^4.19.2 4.19.2 RUNTIME",
                "fsevents ~2.3.3 2.3.3 OPTIONAL",
                "express 4.19.2 4.19.2 RUNTIME",
                "fsevents 2.3.3 2.3.3 OPTIONAL",
                "vitest 1.6.0 1.6.0 DEV"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(11, 20, 24, 32, 37, 44));
    }

    @Test
    void readsVersion9KeysWithScopesAndPeerParentheses() {
        ParseResult result = parser.parse(FixtureTree.of("npm", "pnpm-v9").input("pnpm-lock.yaml"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "@tanstack/react-query ^5.45.1 5.45.1 RUNTIME",
                "react ^18.3.1 18.3.1 RUNTIME",
                "eslint 9.5.0 9.5.0 DEV",
                "@tanstack/query-core 5.45.0 5.45.0 RUNTIME",
                "@tanstack/react-query 5.45.1 5.45.1 RUNTIME",
                "eslint 9.5.0 9.5.0 RUNTIME",
                "react 18.3.1 18.3.1 RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(11, 14, 21, 27, 30, 35, 39));
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = parser.parse(new ManifestInput("pnpm-lock.yaml", "", FixtureTree.of("npm", "pnpm-v9")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedYamlAndOtherYamlIntoIssues() {
        ParseResult malformed = parser.parse(FixtureTree.of("npm", "pnpm-malformed").input("pnpm-lock.yaml"));
        ParseResult other = parser.parse(new ManifestInput("pnpm-lock.yaml", "name: not a lock\n",
                                                           FixtureTree.of("npm", "pnpm-v9")));

        assertThat(malformed.dependencies(), empty());
        assertThat(malformed.issues().getFirst().message(), containsString("not valid YAML"));
        assertThat(other.issues().getFirst().message(), containsString("no lockfileVersion"));
    }

    @Test
    void acceptsOnlyPnpmLockFiles() {
        assertThat(parser.accepts("pnpm-lock.yaml"), is(true));
        assertThat(parser.accepts("apps/web/pnpm-lock.yaml"), is(true));
        assertThat(parser.accepts("pnpm-workspace.yaml"), is(false));
        assertThat(parser.accepts("pnpm-lock.yml"), is(false));
    }
}
