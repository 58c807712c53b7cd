package dev.depscan.manifest.python;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class SetupCfgParserTest {

    private final SetupCfgParser parser = new SetupCfgParser();

    private ParseResult parse(String fixture) {
        return parser.parse(FixtureTree.of("python", fixture).input("setup.cfg"));
    }

    @Test
    void readsASingleLineValue() {
        ParseResult result = parse("setup-cfg-minimal");

        assertThat(FixtureTree.rows(result.dependencies()), contains("requests >=2.31 - RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(5));
    }

    @Test
    void readsEveryRequirementsKeyOfARealisticFile() {
        ParseResult result = parse("setup-cfg-realistic");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "requests >=2.31,<3 - RUNTIME",
                "urllib3 ==2.2.2 2.2.2 RUNTIME",
                "importlib-metadata >=6 - RUNTIME",
                "typing-extensions - - RUNTIME",
                "setuptools-scm >=8 - BUILD",
                "pytest >=8 - TEST",
                "pysocks >=1.5.6,!=1.5.7 - OPTIONAL",
                "aiohttp >=3.9 - OPTIONAL"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(10, 12, 13, 14, 15, 17, 21, 22));
        assertThat(result.dependencies().stream().allMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parse("setup-cfg-empty");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void keepsTheGoodLinesAroundABadRequirement() {
        ParseResult result = parse("setup-cfg-malformed");

        assertThat(FixtureTree.rows(result.dependencies()), contains("requests >=2 - RUNTIME", "click - - RUNTIME"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().line(), is(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.cfg", "libs/client/setup.cfg"})
    void acceptsSetupCfgAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.py", "tox.ini", "mysetup.cfg", "setup.cfg.in"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }
}
