package dev.depscan.manifest.conda;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class PixiTomlParserTest {

    private final PixiTomlParser parser = new PixiTomlParser();

    @Test
    void readsCondaAndPypiTablesOfTheWorkspaceTargetsAndFeatures() {
        ParseResult result = parser.parse(FixtureTree.of("conda", "pixi").input("pixi.toml"));

        assertThat(String.join("\n", FixtureTree.rows(result.dependencies())), FixtureTree.rows(result.dependencies()),
                   contains(
                "numpy >=1.26 - RUNTIME",
                "pandas ==2.2.2 2.2.2 RUNTIME",
                "pytorch 2.3.* - RUNTIME",
                "xarray - - RUNTIME",
                "setuptools >=68 - BUILD",
                "flask-cors >=4.0 - RUNTIME",
                "httpx ==0.27.0 0.27.0 RUNTIME",
                "cuda-version 12.4.* - RUNTIME",
                "pytest >=8 - TEST",
                "pytest-asyncio - - TEST",
                "ruff - - DEV",
                "cudnn 8.* - RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(12, 13, 14, 15, 24, 19, 20, 27, 30, 33, 36, 39));
        assertThat(result.dependencies().stream().filter(d -> d.ecosystem() == Ecosystem.PYPI).map(Dependency::name)
                           .toList(), contains("flask-cors", "httpx", "pytest-asyncio"));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parser.parse(new ManifestInput("pixi.toml", "", FixtureTree.of("conda", "pixi")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedTomlIntoAnIssue() {
        ParseResult result = parser.parse(FixtureTree.of("conda", "pixi-malformed").input("pixi.toml"));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid TOML"));
    }

    @Test
    void acceptsOnlyPixiToml() {
        assertThat(parser.accepts("pixi.toml"), is(true));
        assertThat(parser.accepts("envs/gpu/pixi.toml"), is(true));
        assertThat(parser.accepts("pixi.lock"), is(false));
        assertThat(parser.accepts("pyproject.toml"), is(false));
    }
}
