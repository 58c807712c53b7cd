package dev.depscan.manifest.conda;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
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

class CondaEnvironmentParserTest {

    private final CondaEnvironmentParser parser = new CondaEnvironmentParser();

    private ParseResult parse(String fixture, String path) {
        return parser.parse(FixtureTree.of("conda", fixture).input(path));
    }

    @Test
    void readsAMinimalEnvironment() {
        ParseResult result = parse("minimal", "environment.yml");

        assertThat(FixtureTree.rows(result.dependencies()), contains("numpy - - RUNTIME"));
        assertThat(result.dependencies().getFirst().ecosystem().id(), is("conda"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(3));
    }

    @Test
    void readsCondaPackagesAndThePipSectionOfARealisticEnvironment() {
        ParseResult result = parse("realistic", "environment-gpu.yml");

        assertThat(result.dependencies().stream().map(d -> d.ecosystem().id() + " " + d.name() + " "
                + d.version().orElse("-") + " " + d.resolvedVersion().orElse("-") + " "
                + d.evidence().file() + ":" + d.evidence().line()).toList(), contains(
                "conda numpy =1.26 - environment-gpu.yml:9",
                "conda pandas >=2.2 - environment-gpu.yml:10",
                "conda scikit-learn ==1.5.0 1.5.0 environment-gpu.yml:11",
                "conda pytorch =2.3.1=py3.11_cuda12.1_cudnn8.9.2_0 2.3.1 environment-gpu.yml:12",
                "conda cudatoolkit 11.8.* - environment-gpu.yml:13",
                "conda matplotlib-base - - environment-gpu.yml:14",
                "pypi prophet ==1.1.5 1.1.5 requirements/extra.txt:1",
                "pypi lightgbm ==4.3.0 4.3.0 environment-gpu.yml:18",
                "pypi mlflow >=2.13 - environment-gpu.yml:19"));
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsAPipIncludeThatIsNotInTheRepository() {
        String text = "dependencies:\n  - pip:\n      - -r ../../outside.txt\n";
        ParseResult result = parser.parse(new ManifestInput("environment.yml", text, FixtureTree.of("conda", "empty")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().line(), is(3));
    }

    @Test
    void readsNothingFromYamlThatIsNotAnEnvironment() {
        ParseResult result = parse("not-an-environment", "environment.yaml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        ParseResult result = parse("empty", "environment.yml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedYamlIntoAnIssue() {
        ParseResult result = parse("malformed", "environment.yml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not valid YAML"));
    }

    @Test
    void containsAnAliasBombWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append("]\n");
        }
        bomb.append("dependencies: [*k]\n");
        ParseResult result = parser.parse(new ManifestInput("environment.yml", bomb.toString(),
                                                            FixtureTree.of("conda", "empty")));

        assertThat("aliases are not expanded: 10^10 entries would be", result.dependencies().size() <= 1, is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"environment.yml", "environment.yaml", "envs/environment-dev.yml", "conda.yaml",
                            "ci/conda-py311.yml", "env.yml"})
    void acceptsEnvironmentFileNames(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "environments.txt", "environment.yml.bak", ".github/workflows/ci.yml"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }
}
