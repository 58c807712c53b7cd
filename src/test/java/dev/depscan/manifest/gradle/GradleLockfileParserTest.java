package dev.depscan.manifest.gradle;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

class GradleLockfileParserTest {

    private final GradleLockfileParser parser = new GradleLockfileParser();

    private ParseResult parse(String path) {
        return parser.parse(FixtureTree.of("gradle", "lockfiles").input(path));
    }

    @Test
    void acceptsLockFilesOnly() {
        assertThat(parser.id(), is("gradle/lockfile"));
        assertThat(parser.accepts("gradle.lockfile"), is(true));
        assertThat(parser.accepts("app/gradle.lockfile"), is(true));
        assertThat(parser.accepts("app/buildscript-gradle.lockfile"), is(true));
        assertThat(parser.accepts("settings-gradle.lockfile"), is(true));
        assertThat(parser.accepts("gradle/dependency-locks/compileClasspath.lockfile"), is(true));
        assertThat(parser.accepts("lib/gradle/dependency-locks/runtimeClasspath.lockfile"), is(true));

        assertThat(parser.accepts("some.lockfile"), is(false));
        assertThat(parser.accepts("gradle/other/runtimeClasspath.lockfile"), is(false));
        assertThat(parser.accepts("build.gradle"), is(false));
        assertThat(parser.accepts("package-lock.json"), is(false));
    }

    @Test
    void readsLockedVersionsAsIndirectWithScopeFromConfigurations() {
        ParseResult result = parse("app/gradle.lockfile");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.google.guava:failureaccess 1.0.2 1.0.2 RUNTIME",
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME",
                "org.apiguardian:apiguardian-api 1.1.2 1.1.2 TEST",
                "org.junit.jupiter:junit-jupiter-api 5.10.2 5.10.2 TEST",
                "org.projectlombok:lombok 1.18.32 1.18.32 RUNTIME",
                "org.projectlombok:lombok-mapstruct-binding 0.2.0 0.2.0 BUILD"));
        assertThat(result.dependencies().stream().map(Dependency::direct).toList(), everyItem(is(false)));
        assertThat(result.dependencies().get(1).evidence(),
                is(new Evidence("app/gradle.lockfile", 5, Evidence.Kind.MANIFEST, "gradle/lockfile")));
    }

    @Test
    void buildscriptLockFileIsBuildScope() {
        ParseResult result = parse("app/buildscript-gradle.lockfile");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.diffplug.spotless:spotless-plugin-gradle 6.25.0 6.25.0 BUILD"));
    }

    @Test
    void legacyPerConfigurationLockFileTakesScopeFromItsName() {
        ParseResult result = parse("legacy/gradle/dependency-locks/testRuntimeClasspath.lockfile");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "junit:junit 4.13.2 4.13.2 TEST",
                "org.hamcrest:hamcrest-core 1.3 1.3 TEST"));
    }

    @Test
    void emptyLockFileHasNothingToReport() {
        ParseResult result = parse("empty/gradle.lockfile");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void malformedLinesAreIssuesAndTheRestIsRead() {
        ParseResult result = parse("malformed/gradle.lockfile");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME",
                "org.slf4j:slf4j-api 2.0.13 2.0.13 RUNTIME"));
        assertThat(result.issues().stream().map(i -> i.line()).toList(), contains(2, 3));
    }
}
