package dev.depscan.manifest.npm;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class PackageJsonParserTest {

    private final PackageJsonParser parser = new PackageJsonParser();

    private ParseResult parse(String fixture) {
        return parser.parse(FixtureTree.of("npm", fixture).input("package.json"));
    }

    @Test
    void readsAMinimalManifest() {
        ParseResult result = parse("minimal");

        assertThat(FixtureTree.rows(result.dependencies()), contains("express ^4.19.2 - RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(4));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsEverySectionOfARealisticManifest() {
        ParseResult result = parse("realistic");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "@tanstack/react-query ^5.45.1 - RUNTIME",
                "axios 1.7.2 1.7.2 RUNTIME",
                "lodash ^4.17.21 - RUNTIME",
                "next 14.2.4 14.2.4 RUNTIME",
                "react ^18.3.1 - RUNTIME",
                "react-dom ^18.3.1 - RUNTIME",
                "zod ~3.23.8 - RUNTIME",
                "@types/react ^18.3.3 - DEV",
                "eslint >=8.57.0 <9 - DEV",
                "jest 29.7.0 29.7.0 DEV",
                "typescript 5.4.5 5.4.5 DEV",
                "react >=18 - PEER",
                "fsevents 2.3.3 2.3.3 OPTIONAL"));
        assertThat(result.dependencies().stream().allMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsEachEntryOnItsOwnLine() {
        ParseResult result = parse("realistic");

        Dependency axios = result.dependencies().get(1);
        Dependency fsevents = result.dependencies().getLast();
        assertThat(axios.evidence().line(), is(14));
        assertThat(fsevents.evidence().line(), is(32));
        assertThat(axios.evidence().parser(), is(PackageJsonParser.ID));
    }

    @Test
    void leavesOutTheRepositorysOwnWorkspaceAndFilePackages() {
        ParseResult result = parse("realistic");

        assertThat(FixtureTree.rows(result.dependencies()).stream()
                           .filter(row -> row.startsWith("@acme/") || row.startsWith("shared-config")).toList(), empty());
    }

    @Test
    void turnsAnEmptyFileIntoAnIssue() {
        ParseResult result = parse("empty");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
    }

    @Test
    void turnsMalformedJsonIntoAnIssueWithItsLine() {
        ParseResult result = parse("malformed");

        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("not valid JSON"));
        assertThat(result.issues().getFirst().line(), is(6));
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        ParseResult result = parse("hostile");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("nests deeper"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"package.json", "web/package.json", "packages/ui/package.json"})
    void acceptsPackageJsonAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"package-lock.json", "mypackage.json", "package.json.bak", "package.json5", "docs/package.md"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }
}
