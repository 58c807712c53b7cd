package dev.depscan.imports.jvm;

import dev.depscan.imports.java.JavaImportAnalyzer;
import dev.depscan.imports.kotlin.KotlinImportAnalyzer;
import dev.depscan.imports.scala.ScalaImportAnalyzer;
import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Finding;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.SourceInput;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JvmImportAnalyzersTest {

    private static final Path SHOP = Path.of("src/test/resources/fixtures/imports/jvm/shop");

    @Test
    void readsJavaImportsAndThePackageButNothingInCommentsStringsOrTextBlocks() {
        ImportExtraction extraction = new JavaImportAnalyzer().extract(source("src/main/java/com/acme/shop/Catalog.java"));

        assertThat(extraction.definitions(), contains("com.acme.shop"));
        assertThat(rows(extraction), contains("java.util:3", "java.util.concurrent:4", "javax.sql:5", "javax.inject:6",
                "com.fasterxml.jackson.databind:7", "io.micrometer.core.instrument:8", "org.apache.commons.lang3:9",
                "com.google.common.collect:10", "com.acme.shop.model:11", "com.acme.internal:12",
                "org.unknown.vendor.sdk:13"));
    }

    @Test
    void readsKotlinImportsWithAliasesBackticksAndNestedComments() {
        ImportExtraction extraction = new KotlinImportAnalyzer().extract(source("app/src/main/kotlin/com/acme/app/Main.kt"));

        assertThat(extraction.definitions(), contains("com.acme.app"));
        assertThat(rows(extraction), contains("kotlinx.coroutines:4", "kotlinx.coroutines.flow:5", "io.ktor.client:6",
                "com.acme.shop:7", "java.time:8"));
    }

    @Test
    void readsScalaSelectorsWildcardsGivensCommaListsAndChainedPackages() {
        ImportExtraction extraction = new ScalaImportAnalyzer().extract(
                source("analytics/src/main/scala/com/acme/analytics/Report.scala"));

        assertThat(extraction.definitions(), contains("com.acme", "com.acme.analytics"));
        assertThat(rows(extraction), contains("scala.concurrent:4", "cats.effect:5", "org.apache.spark.sql:6", "zio:7",
                "io.circe.generic.auto:8", "io.circe.syntax:8", "Report:9", "doobie.implicits:12"));
    }

    @Test
    void mapsPackagesToDeclaredArtifactsTheTableOrAnUnresolvedPackage() {
        ScanReport report = new Scanner(ScannerOptions.defaults()).scan(new DirectoryFileSource(SHOP), ScanListener.NONE);

        assertThat(String.join("\n", importRows(report)), importRows(report), contains(
                "com.fasterxml.jackson.core:jackson-databind runtime",
                "com.google.guava:guava runtime",
                "dev.zio:zio runtime",
                "io.circe:circe-core runtime",
                "io.ktor:ktor-client-core runtime",
                "io.micrometer:micrometer-core runtime",
                "javax.inject:javax.inject runtime",
                "org.apache.commons:commons-lang3 runtime",
                "org.apache.spark:spark-sql runtime",
                "org.jetbrains.kotlinx:kotlinx-coroutines-core runtime",
                "org.junit.jupiter:junit-jupiter test",
                "org.mockito:mockito-core test",
                "org.tpolecat:doobie-core runtime",
                "org.typelevel:cats-effect runtime",
                "org.unknown.vendor runtime"));
        assertThat(report.usage().analyzed(), contains(Ecosystem.MAVEN));
        assertThat("the JDBC driver and the metrics registry are used without imports; the JUnit aggregator through "
                   + "its group", report.usage().unusedDeclared().stream().map(Finding::name).toList(), is(List.of()));
        assertThat(report.usage().undeclaredImports().stream().map(Finding::name).toList(), contains(
                "com.google.guava:guava", "dev.zio:zio", "io.circe:circe-core", "io.ktor:ktor-client-core",
                "javax.inject:javax.inject", "org.apache.spark:spark-sql", "org.jetbrains.kotlinx:kotlinx-coroutines-core",
                "org.mockito:mockito-core", "org.tpolecat:doobie-core", "org.typelevel:cats-effect", "org.unknown.vendor"));
        assertThat(report.findings().stream().filter(f -> f.name().equals("org.unknown.vendor")).findFirst()
                           .orElseThrow().purl().isPresent(), is(false));
    }

    @Test
    void refusesAMalformedOrDuplicatedTableLine() {
        assertThat(assertThrows(IllegalStateException.class, () -> JvmPackages.parseTable("a.b\n")).getMessage(),
                   containsString("line 1"));
        assertThat(assertThrows(IllegalStateException.class,
                                () -> JvmPackages.parseTable("a.b g:a\na.b g:b\n")).getMessage(),
                   containsString("duplicate"));
    }

    @Test
    void namesThePackageOfClassMemberAndWildcardImports() {
        assertThat(JvmPackages.packageOf("a.b.C", false), is("a.b"));
        assertThat(JvmPackages.packageOf("a.b.C.member", false), is("a.b"));
        assertThat(JvmPackages.packageOf("a.b.c", true), is("a.b.c"));
        assertThat(JvmPackages.packageOf("kotlinx.coroutines.launch", false), is("kotlinx.coroutines"));
        assertThat(JvmPackages.platform("javax.sql"), is(true));
        assertThat(JvmPackages.platform("javax.persistence"), is(false));
        assertThat(JvmPackages.platform("kotlinx.coroutines"), is(false));
    }

    private static List<String> rows(ImportExtraction extraction) {
        return extraction.imports().stream().map(i -> i.module() + ":" + i.line()).toList();
    }

    private static List<String> importRows(ScanReport report) {
        return report.findings().stream().filter(f -> f.ecosystem() == Ecosystem.MAVEN)
                .filter(f -> f.sources().stream().anyMatch(s -> s.kind() == Evidence.Kind.IMPORT))
                .map(f -> f.name() + " " + f.sources().stream().filter(s -> s.kind() == Evidence.Kind.IMPORT)
                        .map(s -> JvmPackages.scopeOf(s.file()).id()).distinct().sorted().collect(Collectors.joining(",")))
                .toList();
    }

    private static SourceInput source(String path) {
        try {
            return new SourceInput(path, Files.readString(SHOP.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
