package dev.depscan.manifest.maven;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.not;

class MavenPomParserTest {

    private final MavenPomParser parser = new MavenPomParser();

    private static ParseResult parse(String fixture, String path) {
        FixtureTree tree = FixtureTree.of("maven", fixture);
        return new MavenPomParser().parse(tree.input(path));
    }

    @Test
    void acceptsOnlyFilesNamedPomXml() {
        assertThat(parser.accepts("pom.xml"), is(true));
        assertThat(parser.accepts("services/api/pom.xml"), is(true));
        assertThat(parser.accepts("lib/guava-33.pom"), is(false));
        assertThat(parser.accepts("pom.xml.bak"), is(false));
        assertThat(parser.accepts("mypom.xml"), is(false));
        assertThat(parser.accepts("build.gradle"), is(false));
        assertThat(parser.id(), is("maven/pom"));
    }

    @Test
    void readsALiteralDependencyWithItsLine() {
        ParseResult result = parse("minimal", "pom.xml");

        assertThat(result.issues(), empty());
        assertThat(result.dependencies(), hasSize(1));
        Dependency guava = result.dependencies().getFirst();
        assertThat(FixtureTree.rows(result.dependencies()), contains("com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME"));
        assertThat(guava.ecosystem(), is(Ecosystem.MAVEN));
        assertThat(guava.direct(), is(true));
        assertThat(guava.evidence(), is(new Evidence("pom.xml", 8, Evidence.Kind.MANIFEST, "maven/pom")));
    }

    @Test
    void reportsTheParentManagementAndPluginsOfAParentPom() {
        ParseResult result = parse("multimodule", "pom.xml");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "org.springframework.boot:spring-boot-starter-parent 3.3.1 3.3.1 BUILD",
                "com.acme.shop:shop-bom 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT MANAGED",
                "org.testcontainers:testcontainers-bom 1.19.8 1.19.8 MANAGED",
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre MANAGED",
                "com.acme.shop:shop-core 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT MANAGED",
                "org.slf4j:slf4j-api - - RUNTIME",
                "org.apache.maven.plugins:maven-surefire-plugin 3.2.5 3.2.5 BUILD",
                "org.codehaus.mojo:flatten-maven-plugin 1.6.0 1.6.0 BUILD"));
    }

    @Test
    void resolvesVersionlessDependenciesFromParentAndImportedBomInsideTheRepository() {
        ParseResult result = parse("multimodule", "core/pom.xml");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.acme.shop:shop-parent 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT BUILD",
                "org.springframework.boot:spring-boot-starter-web - - RUNTIME",
                "com.google.guava:guava 33.2.1-jre 33.2.1-jre RUNTIME",
                "io.github.resilience4j:resilience4j-spring-boot3 2.2.0 2.2.0 RUNTIME",
                "org.projectlombok:lombok 1.18.32 1.18.32 PROVIDED",
                "com.github.ben-manes.caffeine:caffeine [3.1,4.0) - OPTIONAL",
                "org.springframework.boot:spring-boot-starter-test - - TEST",
                "org.testcontainers:postgresql - - TEST",
                "org.apache.maven.plugins:maven-surefire-plugin 3.2.5 3.2.5 BUILD",
                "org.graalvm.sdk:graal-sdk 24.0.1 24.0.1 PROVIDED"));
    }

    @Test
    void resolvesProjectPropertiesThroughAnExplicitRelativePath() {
        ParseResult result = parse("multimodule", "services/api/pom.xml");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.acme.shop:shop-parent 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT BUILD",
                "com.acme.shop:shop-core 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT RUNTIME",
                "com.oracle.database.jdbc:ojdbc11 23.4.0.24.05 23.4.0.24.05 PROVIDED",
                "io.micrometer:micrometer-registry-prometheus ${micrometer.version} - RUNTIME"));
    }

    @Test
    void findsTheParentByCoordinatesWhenRelativePathIsEmpty() {
        ParseResult result = parse("multimodule", "tools/standalone/pom.xml");

        assertThat(result.issues(), empty());
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "com.acme.shop:shop-parent 1.4.0-SNAPSHOT 1.4.0-SNAPSHOT BUILD",
                "com.fasterxml.jackson.core:jackson-databind 2.17.1 2.17.1 RUNTIME"));
    }

    @Test
    void commentedOutDependenciesAreNotReported() {
        ParseResult result = parse("multimodule", "core/pom.xml");

        assertThat(result.dependencies().stream().map(Dependency::name).toList(), not(contains("commented:out")));
        assertThat(result.dependencies().stream().filter(d -> d.name().startsWith("commented")).toList(), empty());
    }

    @Test
    void emptyFileIsAnIssueNotAFailure() {
        ParseResult result = parse("empty", "pom.xml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().parser(), is("maven/pom"));
    }

    @Test
    void malformedXmlIsAnIssueWithItsLine() {
        ParseResult result = parse("malformed", "pom.xml");

        assertThat(result.dependencies(), empty());
        ScanIssue issue = result.issues().getFirst();
        assertThat(issue.file(), is("pom.xml"));
        assertThat(issue.line(), is(7));
        assertThat(issue.message(), containsString("malformed XML"));
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead() {
        ParseResult result = parse("xxe", "pom.xml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("DOCTYPE"));
        assertThat(result.issues().getFirst().message(), not(containsString("root:")));
    }

    @Test
    void entityExpansionIsRefusedAndNothingIsRead() {
        ParseResult result = parse("billion-laughs", "pom.xml");

        assertThat(result.dependencies(), empty());
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("DOCTYPE"));
    }

    @Test
    void parentCycleEndsWithAnIssueAndStillResolvesWhatItCan() {
        ParseResult result = parse("parent-cycle", "a/pom.xml");

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "loop:b 1 1 BUILD",
                "org.slf4j:slf4j-api 2.0.13 2.0.13 RUNTIME"));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().getFirst().message(), containsString("loops"));
    }

    @Test
    void neverReadsAParentOutsideTheTree() {
        FixtureTree tree = FixtureTree.of("maven", "escape");
        ParseResult result = parser.parse(tree.input("module/pom.xml"));

        assertThat(tree.requested(), everyItem(isIn(tree.paths())));
        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "outside:parent 7 7 BUILD",
                "org.slf4j:slf4j-api ${slf4j.version} - RUNTIME"));
    }

    @Test
    void everyDependencyPointsAtItsOwnDeclaration() {
        ParseResult result = parse("multimodule", "services/api/pom.xml");

        List<Integer> lines = result.dependencies().stream().map(d -> d.evidence().line()).toList();
        assertThat(lines, contains(4, 13, 18, 25));
    }
}
