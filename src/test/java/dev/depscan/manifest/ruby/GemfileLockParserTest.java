package dev.depscan.manifest.ruby;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class GemfileLockParserTest {

    private final GemfileLockParser parser = new GemfileLockParser();

    @Test
    void readsLockedGemsMarkingThoseTheGemfileNamesAsDirect() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "lock").input("Gemfile.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "kaminari 1.2.2 1.2.2 RUNTIME",
                "activesupport 7.1.3.2 7.1.3.2 RUNTIME",
                "concurrent-ruby 1.2.3 1.2.3 RUNTIME",
                "nokogiri ~> 1.16 1.16.5 RUNTIME",
                "racc 1.7.3 1.7.3 RUNTIME",
                "rack = 3.0.11 3.0.11 RUNTIME",
                "rspec-core 3.13.0 3.13.0 RUNTIME"));
        assertThat(result.dependencies().stream().filter(Dependency::direct).map(Dependency::name).toList(),
                   contains("kaminari", "nokogiri", "rack", "rspec-core"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(5, 17, 19, 20, 24, 25, 26));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsNothingFromAnEmptyLock() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "empty").input("Gemfile.lock"));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void reportsTextThatIsNotALockFile() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "malformed").input("Gemfile.lock"));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues().getFirst().message(), containsString("not a Bundler lock file"));
    }

    @Test
    void acceptsBundlerLockFilesOnly() {
        assertThat(parser.accepts("Gemfile.lock"), is(true));
        assertThat(parser.accepts("web/Gemfile.lock"), is(true));
        assertThat(parser.accepts("gems.locked"), is(true));
        assertThat(parser.accepts("Gemfile"), is(false));
        assertThat(parser.accepts("Gemfile.lock.bak"), is(false));
    }
}
