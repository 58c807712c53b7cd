package dev.depscan.manifest.python;

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

class PdmLockParserTest {

    private final PdmLockParser parser = new PdmLockParser();

    @Test
    void readsLockedDistributionsWithTheirGroups() {
        ParseResult result = parser.parse(FixtureTree.of("python", "pdm-lock").input("pdm.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "anyio 4.4.0 4.4.0 RUNTIME",
                "fastapi 0.111.0 0.111.0 RUNTIME",
                "pytest 8.2.2 8.2.2 DEV",
                "ruff 0.4.10 0.4.10 DEV",
                "typing-extensions 4.12.2 4.12.2 RUNTIME"));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(11, 25, 36, 41, 46));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = parser.parse(new ManifestInput("pdm.lock", "", FixtureTree.of("python", "pdm-lock")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedTomlIntoAnIssue() {
        ParseResult result = parser.parse(new ManifestInput("pdm.lock", "[[package]]\nname = \"x\nversion",
                                                            FixtureTree.of("python", "pdm-lock")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void acceptsOnlyPdmLock() {
        assertThat(parser.accepts("pdm.lock"), is(true));
        assertThat(parser.accepts("services/api/pdm.lock"), is(true));
        assertThat(parser.accepts("pdm.toml"), is(false));
        assertThat(parser.accepts("poetry.lock"), is(false));
    }
}
