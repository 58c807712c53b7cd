package dev.depscan.imports.golang;

import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Finding;
import dev.depscan.scan.PluginRegistry;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;
import dev.depscan.scan.spi.SourceInput;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

class GoImportAnalyzerTest {

    private final GoImportAnalyzer analyzer = new GoImportAnalyzer();

    @Test
    void readsImportBlocksAliasesAndBlankImportsButNeverCommentsOrStrings() {
        var extraction = analyzer.extract(new SourceInput("main.go", """
                // import "github.com/commented/out"
                package main

                import "fmt"
                import y "gopkg.in/yaml.v3"

                import (
                \t_ "github.com/lib/pq"
                \t. "github.com/google/uuid"
                \t"github.com/a/b" // trailing comment
                )

                var s = "import \\"github.com/not/this\\""
                """));

        assertThat(extraction.imports().stream().map(i -> i.module() + ":" + i.line()).toList(), contains(
                "fmt:4", "gopkg.in/yaml.v3:5", "github.com/lib/pq:8", "github.com/google/uuid:9", "github.com/a/b:10"));
    }

    @Test
    void mapsImportsToRequiredModulesAndLeavesOutStandardLibraryAndOwnPackages() {
        ScanReport report = scan("service");

        assertThat(rows(report), contains(
                "github.com/go-chi/chi/v5 runtime main.go:10",
                "github.com/google/uuid runtime main.go:17",
                "github.com/jackc/pgx/v5 runtime main.go:12",
                "github.com/stretchr/testify runtime internal/store/store_test.go:3",
                "golang.org/x/sync runtime main.go:13",
                "gopkg.in/yaml.v3 runtime main.go:14"));
        assertThat(report.usage().undeclaredImports().stream().map(Finding::name).toList(),
                   contains("github.com/google/uuid", "gopkg.in/yaml.v3"));
        assertThat(report.usage().unusedDeclared().isEmpty(), is(true));
    }

    @Test
    void scopesImportsOfTestFilesAsTest() {
        var imports = analyzer.extract(new SourceInput("x/a_test.go", "package x\nimport \"github.com/a/b\"\n"))
                .imports();
        var resolved = analyzer.resolve(imports, new dev.depscan.scan.spi.ImportContext(java.util.List.of(),
                                                                                        java.util.List.of()));

        assertThat(resolved.dependencies().getFirst().scope(), is(dev.depscan.scan.Scope.TEST));
    }

    @Test
    void guessesTheModuleRootOfAnUndeclaredPath() {
        assertThat(GoImportAnalyzer.moduleRoot("github.com/a/b/c/d"), is("github.com/a/b"));
        assertThat(GoImportAnalyzer.moduleRoot("github.com/a/b/v3/pkg"), is("github.com/a/b/v3"));
        assertThat(GoImportAnalyzer.moduleRoot("golang.org/x/net/http2"), is("golang.org/x/net"));
        assertThat(GoImportAnalyzer.moduleRoot("gopkg.in/yaml.v3"), is("gopkg.in/yaml.v3"));
        assertThat(GoImportAnalyzer.moduleRoot("go.uber.org/zap/zapcore"), is("go.uber.org/zap/zapcore"));
        assertThat(GoImportAnalyzer.isStandardLibrary("net/http"), is(true));
        assertThat(GoImportAnalyzer.isStandardLibrary("example.com/x"), is(false));
    }

    @Test
    void acceptsGoSourcesAndModuleFiles() {
        assertThat(analyzer.accepts("cmd/main.go"), is(true));
        assertThat(analyzer.accepts("go.mod"), is(true));
        assertThat(analyzer.accepts("go.sum"), is(false));
        assertThat(analyzer.accepts("main.gohtml"), is(false));
    }

    private static ScanReport scan(String fixture) {
        Path root = Path.of("src/test/resources/fixtures/imports/golang", fixture);
        return new Scanner(ScannerOptions.defaults()).scan(new DirectoryFileSource(root), ScanListener.NONE);
    }

    private static java.util.List<String> rows(ScanReport report) {
        return report.findings().stream().filter(f -> f.ecosystem() == Ecosystem.GOLANG)
                .filter(f -> f.sources().stream().anyMatch(s -> s.kind() == dev.depscan.scan.Evidence.Kind.IMPORT))
                .map(f -> f.name() + " " + f.scope().id() + " " + f.sources().stream()
                        .filter(s -> s.kind() == dev.depscan.scan.Evidence.Kind.IMPORT)
                        .map(s -> s.file() + ":" + s.line()).collect(Collectors.joining(" ")))
                .toList();
    }
}
