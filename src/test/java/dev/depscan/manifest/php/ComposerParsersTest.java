package dev.depscan.manifest.php;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class ComposerParsersTest {

    private final ComposerJsonParser json = new ComposerJsonParser();
    private final ComposerLockParser lock = new ComposerLockParser();

    @Test
    void readsAMinimalComposerJson() {
        ParseResult result = json.parse(FixtureTree.of("php", "minimal").input("composer.json"));

        assertThat(FixtureTree.rows(result.dependencies()), contains("monolog/monolog 3.6.0 3.6.0 RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(3));
    }

    @Test
    void readsRequireAndRequireDevWithoutPlatformRequirements() {
        ParseResult result = json.parse(FixtureTree.of("php", "realistic").input("composer.json"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "doctrine/orm ^3.1 - RUNTIME",
                "symfony/framework-bundle 7.1.* - RUNTIME",
                "symfony/console v7.1.1 7.1.1 RUNTIME",
                "guzzlehttp/guzzle ^7.8 || ^8.0 - RUNTIME",
                "acme/internal-sdk dev-main as 1.x-dev - RUNTIME",
                "phpunit/phpunit ^11.2 - DEV",
                "phpstan/phpstan 1.11.5 1.11.5 DEV",
                "symfony/maker-bundle ^1.60 - DEV"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(11, 12, 13, 14, 15, 19, 20, 21));
        assertThat(result.dependencies().stream().allMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void readsLockedPackagesAsIndirectWithTheirExactVersions() {
        ParseResult result = lock.parse(FixtureTree.of("php", "lock").input("composer.lock"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "guzzlehttp/guzzle 7.8.1 7.8.1 RUNTIME",
                "symfony/console v7.1.1 7.1.1 RUNTIME",
                "acme/internal-sdk dev-main - RUNTIME",
                "phpunit/phpunit 11.2.2 11.2.2 DEV"));
        assertThat(result.dependencies().stream().noneMatch(Dependency::direct), is(true));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(8, 15, 20, 27));
    }

    @Test
    void readsNothingFromEmptyFiles() {
        FixtureTree tree = FixtureTree.of("php", "empty");

        assertThat(json.parse(tree.input("composer.json")).dependencies(), empty());
        assertThat(json.parse(tree.input("composer.json")).issues(), empty());
        assertThat(lock.parse(tree.input("composer.lock")).dependencies(), empty());
    }

    @Test
    void keepsWhatItReadBeforeMalformedJsonAndSaysWhere() {
        FixtureTree tree = FixtureTree.of("php", "malformed");
        ParseResult manifest = json.parse(tree.input("composer.json"));
        ParseResult locked = lock.parse(tree.input("composer.lock"));

        assertThat(FixtureTree.rows(manifest.dependencies()),
                   contains("monolog/monolog ^3.0 - RUNTIME", "phpunit/phpunit ^11 - DEV"));
        assertThat(manifest.issues().stream().map(i -> i.message()).toList().toString(),
                   containsString("'psr/log' is not a string"));
        assertThat(manifest.issues().getLast().message(), containsString("not valid JSON"));
        assertThat(FixtureTree.rows(locked.dependencies()), contains("a/b 1.0.0 1.0.0 RUNTIME"));
        assertThat(locked.issues().getFirst().message(), containsString("not valid JSON"));
    }

    @Test
    void acceptsComposerFilesOnly() {
        assertThat(json.accepts("composer.json"), is(true));
        assertThat(json.accepts("packages/api/composer.json"), is(true));
        assertThat(json.accepts("composer.lock"), is(false));
        assertThat(json.accepts("composer.json.dist"), is(false));
        assertThat(lock.accepts("composer.lock"), is(true));
        assertThat(lock.accepts("api/composer.lock"), is(true));
        assertThat(lock.accepts("composer.json"), is(false));
    }
}
