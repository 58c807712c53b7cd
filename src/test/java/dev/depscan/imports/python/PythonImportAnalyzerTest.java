package dev.depscan.imports.python;

import dev.depscan.manifest.python.RequirementsTxtParser;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.DirectoryFileSource;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Fixtures;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

class PythonImportAnalyzerTest {

    private final PythonImportAnalyzer analyzer = new PythonImportAnalyzer();

    @ParameterizedTest
    @ValueSource(strings = {"app.py", "src/pkg/module.py", "tools/gui.pyw"})
    void acceptsPythonSources(String path) {
        assertThat(analyzer.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stubs/module.pyi", "notebook.ipynb", "module.pyc", "script.py.txt", "python"})
    void rejectsOtherFiles(String path) {
        assertThat(analyzer.accepts(path), is(false));
    }

    @Test
    void excludesTheStandardLibraryOfEveryPythonVersion() {
        ParseResult result = resolve(Map.of("app.py", """
                import os, sys, json, asyncio, tomllib, distutils.core, imp, asyncore, _thread, urllib2, ConfigParser
                from collections import abc
                import requests
                """), List.of());

        assertThat(names(result), contains("requests"));
    }

    @Test
    void excludesFirstPartyModulesByTheDocumentedRule() {
        DirectoryFileSource source = new DirectoryFileSource(Fixtures.dir("imports/python/first-party"));

        ParseResult result = analyze(source, List.of());

        assertThat(names(result), containsInAnyOrder("requests", "pytest", "pyyaml", "fastapi", "httpx", "helpers"));
        assertThat(fileOf(result, "helpers"), is("backend/tests/test_main.py"));
    }

    @Test
    void mapsImportsToDeclaredPackagesThenTheCuratedTable() {
        DirectoryFileSource source = new DirectoryFileSource(Fixtures.dir("imports/python/mapping"));
        String manifest = new String(source.read("requirements.txt", 1 << 16), StandardCharsets.UTF_8);
        List<Dependency> declared = new RequirementsTxtParser()
                .parse(new ManifestInput("requirements.txt", manifest, Fixtures.treeOf(Map.of()))).dependencies();

        ParseResult result = analyze(source, declared);

        assertThat(names(result), contains(
                "flask-sqlalchemy", "opencv-python-headless", "zope-interface", "scikit-learn", "pillow",
                "beautifulsoup4", "pyyaml", "python-dateutil", "google-cloud-storage", "google-cloud-bigquery", "protobuf",
                "google-api-python-client", "azure-storage-blob", "psycopg2", "pycryptodome", "some-unknown-package"));
    }

    @Test
    void reportsEachImportAsARuntimeDependencyWithImportEvidence() {
        ParseResult result = resolve(Map.of("pkg/app.py", "\n\nimport numpy as np\n"), List.of());

        assertThat(result.dependencies(), contains(new Dependency(Ecosystem.PYPI, "numpy", Optional.empty(),
                Optional.empty(), Scope.RUNTIME, true, new Evidence("pkg/app.py", 3, Evidence.Kind.IMPORT, "python/imports"))));
    }

    @Test
    void reportsOneDependencyPerStatementAndPackage() {
        ParseResult result = resolve(Map.of("app.py", "from numpy import array, zeros, ones\nimport numpy\n"), List.of());

        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(1, 2));
    }

    @Test
    void prefersTheDeclaredAlternativeOfACuratedEntry() {
        Dependency declared = new Dependency(Ecosystem.PYPI, "psycopg2-binary", Optional.empty(), Optional.empty(),
                Scope.RUNTIME, true, new Evidence("requirements.txt", 1, Evidence.Kind.MANIFEST, "python/requirements"));

        assertThat(analyzer.distribution("psycopg2.extras", Set.of(declared.name())), is("psycopg2-binary"));
        assertThat(analyzer.distribution("psycopg2.extras", Set.of()), is("psycopg2"));
    }

    @Test
    void curatesAtLeastTwoHundredImportNames() {
        assertThat(ImportNames.bundled().mappings(), is(greaterThanOrEqualTo(200)));
    }

    @Test
    void resolvesNothingFromNothing() {
        assertThat(analyzer.resolve(List.of(), new ImportContext(List.of(), List.of())).dependencies(), is(empty()));
    }

    private ParseResult resolve(Map<String, String> files, List<Dependency> declared) {
        List<RawImport> imports = new ArrayList<>();
        files.forEach((path, text) -> imports.addAll(analyzer.extract(new SourceInput(path, text)).imports()));
        return analyzer.resolve(imports, new ImportContext(files.keySet().stream().sorted().toList(), declared));
    }

    private ParseResult analyze(DirectoryFileSource source, List<Dependency> declared) {
        List<RawImport> imports = new ArrayList<>();
        for (String path : source.paths()) {
            if (analyzer.accepts(path)) {
                String text = new String(source.read(path, 1 << 20), StandardCharsets.UTF_8);
                imports.addAll(analyzer.extract(new SourceInput(path, text)).imports());
            }
        }
        return analyzer.resolve(imports, new ImportContext(source.paths(), declared));
    }

    private static List<String> names(ParseResult result) {
        return result.dependencies().stream().map(Dependency::name).toList();
    }

    private static String fileOf(ParseResult result, String name) {
        return result.dependencies().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().evidence().file();
    }

    @Test
    void scopesImportsByTheFileTheyAreIn() {
        assertThat(PythonImportAnalyzer.scopeOf("setup.py"), is(dev.depscan.scan.Scope.BUILD));
        assertThat(PythonImportAnalyzer.scopeOf("tests/unit/test_api.py"), is(dev.depscan.scan.Scope.TEST));
        assertThat(PythonImportAnalyzer.scopeOf("pkg/api_test.py"), is(dev.depscan.scan.Scope.TEST));
        assertThat(PythonImportAnalyzer.scopeOf("conftest.py"), is(dev.depscan.scan.Scope.TEST));
        assertThat(PythonImportAnalyzer.scopeOf("src/app/testing.py"), is(dev.depscan.scan.Scope.RUNTIME));
        assertThat(PythonImportAnalyzer.scopeOf("src/contest/main.py"), is(dev.depscan.scan.Scope.RUNTIME));
    }
}
