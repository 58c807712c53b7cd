package dev.depscan.manifest.python;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class PipfileParserTest {

    private final PipfileParser parser = new PipfileParser();

    @Test
    void readsEveryPackageCategoryButNotRequiresOrSources() {
        ParseResult result = parser.parse(FixtureTree.of("python", "pipfile").input("Pipfile"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "django ==5.0.6 5.0.6 RUNTIME",
                "djangorestframework - - RUNTIME",
                "psycopg2-binary >=2.9 - RUNTIME",
                "celery - - RUNTIME",
                "black ==24.4.2 24.4.2 DEV",
                "pytest-django >=4.8 - TEST"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(7, 8, 9, 10, 13, 16));
        assertThat(result.issues(), empty());
    }

    @Test
    void turnsMalformedTomlIntoAnIssueAndReadsNothingFromAnEmptyFile() {
        ParseResult broken = parser.parse(new ManifestInput("Pipfile", "[packages\ndjango = 1",
                                                            FixtureTree.of("python", "pipfile")));
        ParseResult empty = parser.parse(new ManifestInput("Pipfile", "", FixtureTree.of("python", "pipfile")));

        assertThat(broken.issues().getFirst().message(), containsString("not valid TOML"));
        assertThat(empty.dependencies(), empty());
        assertThat(empty.issues(), empty());
    }

    @Test
    void acceptsOnlyPipfile() {
        assertThat(parser.accepts("Pipfile"), is(true));
        assertThat(parser.accepts("app/Pipfile"), is(true));
        assertThat(parser.accepts("Pipfile.lock"), is(false));
        assertThat(parser.accepts("pipfile"), is(false));
    }
}
