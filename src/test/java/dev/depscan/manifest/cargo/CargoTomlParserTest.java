package dev.depscan.manifest.cargo;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.spi.ManifestInput;
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

class CargoTomlParserTest {

    private final CargoTomlParser parser = new CargoTomlParser();

    private ParseResult parse(String fixture, String path) {
        return parser.parse(FixtureTree.of("cargo", fixture).input(path));
    }

    @Test
    void readsAMinimalCrate() {
        ParseResult result = parse("minimal", "Cargo.toml");

        assertThat(FixtureTree.rows(result.dependencies()), contains("serde 1.0 - RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(6));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsEveryTableOfAWorkspaceMemberWithInheritedVersions() {
        ParseResult result = parse("workspace", "crates/api/Cargo.toml");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "tokio 1.38 - RUNTIME",
                "serde 1.0.203 - RUNTIME",
                "axum 0.7.5 - RUNTIME",
                "http-body =1.0.0 1.0.0 RUNTIME",
                "serde_yaml 0.9 - RUNTIME",
                "tracing 0.1 - OPTIONAL",
                "tokio-test 0.4.4 - DEV",
                "prost-build 0.12 - BUILD",
                "nix 0.29 - RUNTIME",
                "windows-sys 0.52 - DEV"));
        assertThat(result.dependencies().get(8).evidence().line(), is(23));
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsTheWorkspaceTableAsManagedAndLeavesOutPathCrates() {
        ParseResult result = parse("workspace", "Cargo.toml");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "tokio 1.38 - MANAGED",
                "serde 1.0.203 - MANAGED",
                "anyhow 1.0.86 - MANAGED"));
        assertThat(result.dependencies().get(2).evidence().line(), is(11));
    }

    @Test
    void reportsAnInheritedEntryTheWorkspaceDoesNotDeclare() {
        ParseResult result = parse("workspace", "crates/core/Cargo.toml");

        assertThat(FixtureTree.rows(result.dependencies()), contains("anyhow 1.0.86 - RUNTIME", "missing - - RUNTIME"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("'missing'"));
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parse("empty", "Cargo.toml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedTomlIntoAnIssue() {
        ParseResult result = parse("malformed", "Cargo.toml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void refusesDeeplyNestedInput() {
        String nested = "[dependencies]\nx = " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        ParseResult result = parser.parse(new ManifestInput("Cargo.toml", nested,
                FixtureTree.of("cargo", "empty")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("nests too deeply"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cargo.toml", "crates/api/Cargo.toml"})
    void acceptsCargoTomlAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cargo.lock", "cargo.toml", "Cargo.toml.orig", "rust-toolchain.toml"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }
}
