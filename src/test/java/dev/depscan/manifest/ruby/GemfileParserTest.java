package dev.depscan.manifest.ruby;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class GemfileParserTest {

    private final GemfileParser parser = new GemfileParser();

    @Test
    void readsAMinimalGemfile() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "minimal").input("Gemfile"));

        assertThat(FixtureTree.rows(result.dependencies()), contains("rack 3.0.11 3.0.11 RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(3));
    }

    @Test
    void readsARealisticGemfileWithGroupsPlatformsAndSources() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "realistic").input("Gemfile"));

        assertThat(String.join("\n", FixtureTree.rows(result.dependencies())), FixtureTree.rows(result.dependencies()),
                   contains(
                "rails ~> 7.1.3, >= 7.1.3.2 - RUNTIME",
                "pg ~> 1.1 - RUNTIME",
                "puma >= 5.0 - RUNTIME",
                "jbuilder - - RUNTIME",
                "redis >= 4.0.1 - RUNTIME",
                "bootsnap - - RUNTIME",
                "tzinfo-data - - RUNTIME",
                "sidekiq 7.2.4 7.2.4 RUNTIME",
                "devise ~> 4.9 - RUNTIME",
                "internal_lib - - RUNTIME",
                "kaminari - - RUNTIME",
                "debug - - TEST",
                "rspec-rails ~> 6.1.0 - TEST",
                "web-console - - DEV",
                "rubocop-rails - - DEV",
                "rack-mini-profiler - - DEV",
                "capybara - - TEST",
                "selenium-webdriver - - TEST",
                "rspec-sidekiq - - TEST",
                "newrelic_rpm - - RUNTIME",
                "activerecord-jdbcpostgresql-adapter - - RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 23, 24, 28, 29, 31, 36, 37, 40, 41, 44));
        assertThat(result.dependencies().stream().allMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsGemspecDependenciesWithoutEvaluatingRuby() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "gemspec").input("myapp.gemspec"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "activesupport >= 6.1, < 8 - RUNTIME",
                "faraday ~> 2.9 - RUNTIME",
                "zeitwerk - - RUNTIME",
                "rake ~> 13.0 - DEV",
                "rspec ~> 3.12, >= 3.12.1 - DEV"));
    }

    @Test
    void readsNothingFromAnEmptyGemfile() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "empty").input("Gemfile"));

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void keepsWhatItCanReadOfAMalformedGemfile() {
        ParseResult result = parser.parse(FixtureTree.of("ruby", "malformed").input("Gemfile"));

        assertThat(FixtureTree.rows(result.dependencies()), contains("ok 1.0 1.0 RUNTIME", "after >= 2 - RUNTIME"));
    }

    @Test
    void acceptsGemfilesGemsRbAndGemspecsOnly() {
        assertThat(parser.accepts("Gemfile"), is(true));
        assertThat(parser.accepts("apps/web/Gemfile"), is(true));
        assertThat(parser.accepts("gems.rb"), is(true));
        assertThat(parser.accepts("lib/mygem.gemspec"), is(true));
        assertThat(parser.accepts("Gemfile.lock"), is(false));
        assertThat(parser.accepts("Gemfile.next"), is(false));
        assertThat(parser.accepts("gemfile"), is(false));
        assertThat(parser.accepts(".gemspec"), is(false));
        assertThat(parser.accepts("docs/Gemfile.md"), is(false));
    }
}
