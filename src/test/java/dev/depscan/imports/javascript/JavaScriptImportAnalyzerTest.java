package dev.depscan.imports.javascript;

import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Finding;
import dev.depscan.scan.ScanListener;
import dev.depscan.scan.ScanReport;
import dev.depscan.scan.Scanner;
import dev.depscan.scan.ScannerOptions;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.SourceInput;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

class JavaScriptImportAnalyzerTest {

    private final JavaScriptImportAnalyzer analyzer = new JavaScriptImportAnalyzer();

    @Test
    void findsEveryImportFormButNothingInCommentsStringsTemplatesRegexesOrJsxText() {
        var imports = analyzer.extract(new SourceInput("src/components/App.tsx", read("webapp/src/components/App.tsx")))
                .imports();

        assertThat(imports.stream().map(i -> i.module() + ":" + i.line()).toList(), contains(
                "react:1", "@tanstack/react-query:2", "@tanstack/react-query/build/modern:3", "lodash/debounce:4",
                "node:fs:5", "path:6", "fs/promises:7", "@webapp/ui:8", "@app/api:9", "./App.css:10", "../helper:11",
                "date-fns:12", "zod:13", "axios:17", "chart.js:21", "dompurify:22", "some-plugin:23"));
    }

    @Test
    void reducesSpecifiersToPackagesAndDropsBuiltinsPathsAndUrls() {
        assertThat(JavaScriptImportAnalyzer.packageName("lodash/debounce"), is(Optional.of("lodash")));
        assertThat(JavaScriptImportAnalyzer.packageName("@scope/pkg/sub/path"), is(Optional.of("@scope/pkg")));
        assertThat(JavaScriptImportAnalyzer.packageName("npm:chalk@5"), is(Optional.of("chalk")));
        assertThat(JavaScriptImportAnalyzer.packageName("node:fs"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("fs/promises"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("https://esm.sh/react"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("./local"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("@/components/x"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("#internal/x"), is(Optional.empty()));
        assertThat(JavaScriptImportAnalyzer.packageName("@scope"), is(Optional.empty()));
    }

    @Test
    void resolvesAWorkspaceWithoutItsOwnPackagesAndAliasesAndScopesByFile() {
        ScanReport report = new Scanner(ScannerOptions.defaults())
                .scan(new DirectoryFileSource(Path.of("src/test/resources/fixtures/imports/javascript/webapp")),
                      ScanListener.NONE);

        assertThat(String.join("\n", importRows(report)), importRows(report), contains(
                "@tanstack/react-query runtime",
                "@testing-library/react test",
                "@vitejs/plugin-react build",
                "axios runtime",
                "chart.js runtime",
                "date-fns runtime",
                "dompurify runtime",
                "lodash runtime",
                "react runtime",
                "some-plugin runtime",
                "vite build",
                "vitest dev",
                "zod runtime"));
        assertThat(report.usage().undeclaredImports().stream().map(Finding::name).toList(), contains(
                "@testing-library/react", "axios", "chart.js", "date-fns", "dompurify", "some-plugin", "zod"));
        assertThat("@types/react and @types/lodash count as used; typescript is a tool",
                   report.usage().unusedDeclared().stream().map(Finding::name).toList(), contains("left-pad"));
    }

    @Test
    void scopesFilesByWhatTheyAreFor() {
        assertThat(JavaScriptImportAnalyzer.scopeOf("src/a.spec.tsx"), is(Scope.TEST));
        assertThat(JavaScriptImportAnalyzer.scopeOf("e2e/login.ts"), is(Scope.TEST));
        assertThat(JavaScriptImportAnalyzer.scopeOf("webpack.config.js"), is(Scope.BUILD));
        assertThat(JavaScriptImportAnalyzer.scopeOf("types/global.d.ts"), is(Scope.DEV));
        assertThat(JavaScriptImportAnalyzer.scopeOf("src/contest.ts"), is(Scope.RUNTIME));
    }

    @Test
    void acceptsSourcesAndTheFilesThatDefineTheRepositorysOwnNames() {
        assertThat(analyzer.accepts("src/a.ts"), is(true));
        assertThat(analyzer.accepts("src/a.mjs"), is(true));
        assertThat(analyzer.accepts("package.json"), is(true));
        assertThat(analyzer.accepts("tsconfig.json"), is(true));
        assertThat(analyzer.accepts("dist/a.min.js"), is(false));
        assertThat(analyzer.accepts("a.json"), is(false));
        assertThat(analyzer.isSource("package.json"), is(false));
    }

    private static List<String> importRows(ScanReport report) {
        return report.findings().stream().filter(f -> f.ecosystem() == Ecosystem.NPM)
                .filter(f -> f.sources().stream().anyMatch(s -> s.kind() == Evidence.Kind.IMPORT))
                .map(f -> f.name() + " " + f.scope().id()).collect(Collectors.toList());
    }

    private static String read(String fixture) {
        try {
            return java.nio.file.Files.readString(Path.of("src/test/resources/fixtures/imports/javascript", fixture));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
