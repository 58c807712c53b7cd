package dev.depscan.manifest.cargo;

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

class CargoLockParserTest {

    private final CargoLockParser parser = new CargoLockParser();

    @Test
    void readsLockedCratesButNotTheWorkspacesOwn() {
        ParseResult result = parser.parse(FixtureTree.of("cargo", "lock").input("Cargo.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "axum 0.7.5 0.7.5 RUNTIME",
                "serde 1.0.203 1.0.203 RUNTIME",
                "serde 0.9.15 0.9.15 RUNTIME",
                "tokio 1.38.0 1.38.0 RUNTIME"));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(14, 20, 25, 30));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = parser.parse(FixtureTree.of("cargo", "empty").input("Cargo.toml"));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedTomlIntoAnIssue() {
        ParseResult result = parser.parse(new ManifestInput("Cargo.lock", "[[package]]\nname = \"x\nversion",
                                                            FixtureTree.of("cargo", "empty")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void acceptsOnlyCargoLock() {
        assertThat(parser.accepts("Cargo.lock"), is(true));
        assertThat(parser.accepts("rust/Cargo.lock"), is(true));
        assertThat(parser.accepts("Cargo.toml"), is(false));
        assertThat(parser.accepts("cargo.lock"), is(false));
    }
}
