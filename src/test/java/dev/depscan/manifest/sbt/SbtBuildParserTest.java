package dev.depscan.manifest.sbt;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class SbtBuildParserTest {

    private final SbtBuildParser parser = new SbtBuildParser();

    private static ParseResult parse(String fixture, String path) {
        return new SbtBuildParser().parse(FixtureTree.of("sbt", fixture).input(path));
    }

    @Test
    void acceptsSbtFilesAndProjectScalaSources() {
        assertThat(parser.id(), is("sbt/build"));
        assertThat(parser.accepts("build.sbt"), is(true));
        assertThat(parser.accepts("modules/api/build.sbt"), is(true));
        assertThat(parser.accepts("project/plugins.sbt"), is(true));
        assertThat(parser.accepts("project/Dependencies.scala"), is(true));
        assertThat(parser.accepts("services/billing/project/Deps.scala"), is(true));

        assertThat(parser.accepts("project/build.properties"), is(false));
        assertThat(parser.accepts("src/main/scala/com/acme/project/Project.scala"), is(false));
        assertThat(parser.accepts("core/src/main/scala/project/Model.scala"), is(false));
        assertThat(parser.accepts("project/project/Nested.java"), is(false));
        assertThat(parser.accepts("build.sc"), is(false));
    }

    @Test
    void readsACrossBuiltModuleWithoutScalaSuffix() {
        ParseResult result = parse("minimal", "build.sbt");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains("org.typelevel:cats-core 2.12.0 2.12.0 RUNTIME"));
        Dependency cats = result.dependencies().getFirst();
        assertThat(cats.evidence(), is(new Evidence("build.sbt", 3, Evidence.Kind.MANIFEST, "sbt/build")));
    }

    @Test
    void readsABuildWithValsConfigurationsOverridesAndExclusions() {
        ParseResult result = parse("realistic", "build.sbt");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "ch.qos.logback:logback-classic 1.5.6 1.5.6 RUNTIME",
                "org.postgresql:postgresql 42.7.3 42.7.3 RUNTIME",
                "javax.servlet:javax.servlet-api 4.0.1 4.0.1 PROVIDED",
                "org.scala-lang.modules:scala-xml 2.+ - RUNTIME",
                "org.scalameta:munit 1.0.0 1.0.0 TEST",
                "com.github.sbt:junit-interface 0.13.3 0.13.3 TEST",
                "org.scala-lang:scala-reflect scalaVersion.value - RUNTIME",
                "org.apache.spark:spark-core 3.5.1 3.5.1 RUNTIME",
                "com.fasterxml.jackson.core:jackson-databind 2.17.1 2.17.1 MANAGED",
                "org.scala-js:scalajs-dom ${Versions.scalaJsDom} - RUNTIME",
                "io.circe:circe-core 0.14.9 0.14.9 RUNTIME"));
    }

    @Test
    void readsModulesOfADependenciesObjectWithVersionsFromANestedObject() {
        ParseResult result = parse("realistic", "project/Dependencies.scala");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.typesafe.akka:akka-actor-typed 2.6.20 2.6.20 RUNTIME",
                "com.typesafe.akka:akka-stream 2.6.20 2.6.20 RUNTIME",
                "com.typesafe.akka:akka-http 10.2.10 10.2.10 RUNTIME",
                "org.scalatest:scalatest 3.2.18 3.2.18 TEST",
                "com.typesafe.akka:akka-actor-testkit-typed 2.6.20 2.6.20 TEST"));
    }

    @Test
    void sbtPluginsAreBuildDependenciesAndCommentsAreIgnored() {
        ParseResult result = parse("realistic", "project/plugins.sbt");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.scalameta:sbt-scalafmt 2.5.2 2.5.2 BUILD",
                "com.github.sbt:sbt-native-packager 1.10.0 1.10.0 BUILD",
                "org.scala-js:sbt-scalajs 1.16.0 1.16.0 BUILD"));
    }

    @Test
    void emptyFileHasNothingToReport() {
        ParseResult result = parse("empty", "build.sbt");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), empty());
    }

    @Test
    void malformedFileKeepsWhatItCouldReadAndReportsAnIssue() {
        ParseResult result = parse("malformed", "build.sbt");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.typelevel:cats-core 2.12.0 2.12.0 RUNTIME",
                "org.typelevel:cats-effect 3.5.4 3.5.4 RUNTIME"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("brackets"));
    }
}
