package dev.depscan.manifest.python;

import dev.depscan.manifest.FixtureTree;
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

class SetupPyParserTest {

    private final SetupPyParser parser = new SetupPyParser();

    private ParseResult parse(String fixture) {
        return parser.parse(FixtureTree.of("python", fixture).input("setup.py"));
    }

    @Test
    void readsALiteralList() {
        ParseResult result = parse("setup-py-minimal");

        assertThat(FixtureTree.rows(result.dependencies()), contains("click >=8 - RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(3));
    }

    @Test
    void readsNamesSumsTuplesAndExtrasWithoutExecutingAnything() {
        ParseResult result = parse("setup-py-realistic");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "charset-normalizer >=2,<4 - RUNTIME",
                "idna >=2.5,<4 - RUNTIME",
                "urllib3 >=1.21.1,<3 - RUNTIME",
                "certifi >=2017.4.17 - RUNTIME",
                "typing-extensions - - RUNTIME",
                "setuptools >=61 - BUILD",
                "pytest-httpbin ==2.0.0 2.0.0 TEST",
                "pytest-mock - - TEST",
                "pytest >=3 - TEST",
                "pysocks >=1.5.6,!=1.5.7 - OPTIONAL",
                "chardet >=3.0.2,<6 - OPTIONAL"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(14, 15, 16, 17, 32, 33, 20, 21, 22, 37, 38));
        assertThat(result.issues(), empty());
    }

    @Test
    void saysSoWhenAValueIsComputedAndReadsTheRest() {
        ParseResult result = parse("setup-py-computed");

        assertThat(FixtureTree.rows(result.dependencies()), contains("black ==24.4.2 24.4.2 OPTIONAL"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("install_requires is computed"));
        assertThat(result.issues().getFirst().line(), is(8));
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parse("setup-py-empty");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void neverThrowsOnAnUnterminatedCall() {
        ParseResult result = parse("setup-py-malformed");

        assertThat(result.issues().size() + result.dependencies().size() >= 1, is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.py", "python/client/setup.py"})
    void acceptsSetupPyAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.cfg", "my_setup.py", "setup.pyc", "tests/test_setup.py"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }

    @Test
    void reportsAKeywordCutOffByTheEndOfTheFile() {
        ParseResult result = new SetupPyParser().parse(new dev.depscan.scan.spi.ManifestInput(
                "setup.py", "from setuptools import setup\nsetup(name='x', install_requires=",
                dev.depscan.manifest.FixtureTree.of("python", "setup-py-minimal")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("install_requires has no value"));
    }
}
