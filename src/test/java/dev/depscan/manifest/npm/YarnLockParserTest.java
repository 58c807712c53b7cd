package dev.depscan.manifest.npm;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class YarnLockParserTest {

    private final YarnLockParser parser = new YarnLockParser();

    @Test
    void readsAClassicLock() {
        ParseResult result = parser.parse(FixtureTree.of("npm", "yarn-classic").input("yarn.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "@babel/code-frame 7.22.13 7.22.13 RUNTIME",
                "chalk 2.4.2 2.4.2 RUNTIME",
                "lodash 4.17.21 4.17.21 RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(5, 13, 17));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsABerryLockWithoutWorkspacesPatchesOrMetadata() {
        ParseResult result = parser.parse(FixtureTree.of("npm", "yarn-berry").input("yarn.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "@types/node 20.14.2 20.14.2 RUNTIME",
                "undici-types 5.26.5 5.26.5 RUNTIME"));
        assertThat(result.dependencies().getLast().evidence().line(), is(29));
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsALineThatIsNotAnEntryAndReadsTheRest() {
        String text = "garbage without colon\nleft-pad@^1.3.0:\n  version \"1.3.0\"\n";
        ParseResult result = parser.parse(new ManifestInput("yarn.lock", text, FixtureTree.of("npm", "yarn-classic")));

        assertThat(FixtureTree.rows(result.dependencies()), contains("left-pad 1.3.0 1.3.0 RUNTIME"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().line(), is(1));
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = parser.parse(new ManifestInput("yarn.lock", "", FixtureTree.of("npm", "yarn-classic")));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void acceptsOnlyYarnLock() {
        assertThat(parser.accepts("yarn.lock"), is(true));
        assertThat(parser.accepts("web/yarn.lock"), is(true));
        assertThat(parser.accepts("package-lock.json"), is(false));
        assertThat(parser.accepts("yarn.lock.orig"), is(false));
    }
}
