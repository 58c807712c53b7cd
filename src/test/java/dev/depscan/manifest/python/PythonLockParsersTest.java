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

class PythonLockParsersTest {

    @Test
    void readsPoetryLockWithGroupsAndOldCategories() {
        ParseResult result = new PoetryLockParser().parse(FixtureTree.of("python", "poetry-lock").input("poetry.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "flask 3.0.3 3.0.3 RUNTIME",
                "pytest 8.2.2 8.2.2 DEV",
                "ruff 0.4.10 0.4.10 DEV",
                "typing-extensions 4.12.2 4.12.2 RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(4, 17, 25, 30));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsUvLockWithoutTheProjectsOwnPackage() {
        ParseResult result = new UvLockParser().parse(FixtureTree.of("python", "uv-lock").input("uv.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "anyio 4.4.0 4.4.0 RUNTIME",
                "sniffio 1.3.1 1.3.1 RUNTIME"));
        assertThat(result.dependencies().getLast().evidence().line(), is(18));
    }

    @Test
    void turnsAMalformedLockIntoAnIssue() {
        ParseResult result = new PoetryLockParser().parse(new ManifestInput("poetry.lock", "[[package]\nname = 1",
                                                                            FixtureTree.of("python", "poetry-lock")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = new UvLockParser().parse(new ManifestInput("uv.lock", "",
                                                                        FixtureTree.of("python", "uv-lock")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void acceptsOnlyTheirOwnFiles() {
        assertThat(new PoetryLockParser().accepts("api/poetry.lock"), is(true));
        assertThat(new PoetryLockParser().accepts("uv.lock"), is(false));
        assertThat(new UvLockParser().accepts("uv.lock"), is(true));
        assertThat(new UvLockParser().accepts("poetry.lock"), is(false));
        assertThat(new UvLockParser().accepts("uv.lock.bak"), is(false));
    }
}
