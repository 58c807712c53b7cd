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

class PipfileLockParserTest {

    private final PipfileLockParser parser = new PipfileLockParser();

    @Test
    void readsDefaultAndDevelopEntriesWithTheirLines() {
        ParseResult result = parser.parse(FixtureTree.of("python", "pipfile").input("Pipfile.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "asgiref ==3.8.1 3.8.1 RUNTIME",
                "django ==5.0.6 5.0.6 RUNTIME",
                "black ==24.4.2 24.4.2 DEV"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(9, 14, 20));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
    }

    @Test
    void turnsMalformedJsonIntoAnIssueAndReadsNothingFromAnEmptyObject() {
        ParseResult broken = parser.parse(new ManifestInput("Pipfile.lock", "{\"default\": {",
                                                            FixtureTree.of("python", "pipfile")));
        ParseResult empty = parser.parse(new ManifestInput("Pipfile.lock", "{}", FixtureTree.of("python", "pipfile")));

        assertThat(broken.issues().getFirst().message(), containsString("not valid JSON"));
        assertThat(empty.dependencies(), empty());
    }

    @Test
    void acceptsOnlyPipfileLock() {
        assertThat(parser.accepts("Pipfile.lock"), is(true));
        assertThat(parser.accepts("Pipfile"), is(false));
    }
}
