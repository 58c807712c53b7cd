package dev.depscan.scan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeclaredVersusUsedTest {

    private final Scanner scanner = new Scanner(ScannerOptions.defaults());

    @Test
    void listsDeclaredButNeverImportedAndImportedButNeverDeclared() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "flask\nrequests==2.31.0\nnumpy\n")
                .with("app/main.py", "import flask\nimport numpy as np\nimport yaml\n");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(usage.analyzed(), contains(Ecosystem.PYPI));
        assertThat(names(usage.unusedDeclared()), contains("requests"));
        assertThat(names(usage.undeclaredImports()), contains("pyyaml"));
    }

    @Test
    void marksEachFindingDeclaredAndUsed() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "flask\nrequests\n")
                .with("main.py", "import flask\nimport yaml\n");

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        Map<String, String> flags = report.findings().stream().collect(java.util.stream.Collectors.toMap(
                Finding::name, f -> report.usage().isDeclared(f) + "/" + report.usage().isUsed(f)));
        assertThat(flags, is(Map.of("flask", "true/true", "requests", "true/false", "pyyaml", "false/true")));
    }

    @Test
    void comparesNothingForAnEcosystemWithoutAnalyzedSource() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "flask\n")
                .with("package.json", "{\"dependencies\": {\"left-pad\": \"1.0.0\"}}");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(usage.analyzed(), is(empty()));
        assertThat(usage.unusedDeclared(), is(empty()));
        assertThat(usage.undeclaredImports(), is(empty()));
    }

    @Test
    void neverReportsToolsThatAreUsedWithoutImportsAsUnused() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements-dev.txt", "pytest\npytest-cov\nblack\ntypes-requests\nmypy\ngunicorn\nattrs\n")
                .with("pyproject.toml", "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\n")
                .with("main.py", "print('hello')\n");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(names(usage.unusedDeclared()), contains("attrs"));
    }

    @Test
    void countsAPackageOnlyALockFileNamesAsUndeclaredWhenImported() {
        MemoryFileSource source = new MemoryFileSource()
                .with("pyproject.toml", "[project]\nname = \"app\"\ndependencies = [\"httpx\"]\n")
                .with("poetry.lock", "[[package]]\nname = \"httpx\"\nversion = \"0.27.0\"\n\n"
                                     + "[[package]]\nname = \"anyio\"\nversion = \"4.4.0\"\n")
                .with("app/client.py", "import httpx\nimport anyio\n");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(usage.unusedDeclared(), is(empty()));
        assertThat(names(usage.undeclaredImports()), contains("anyio"));
    }

    @Test
    void acceptsACondaDeclarationForAPythonImport() {
        MemoryFileSource source = new MemoryFileSource()
                .with("environment.yml", "name: env\ndependencies:\n  - numpy=1.26\n  - pip:\n    - rich\n")
                .with("run.py", "import numpy\nimport rich\nimport scipy\n");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(names(usage.undeclaredImports()), contains("scipy"));
        assertThat(usage.unusedDeclared(), is(empty()));
    }

    @Test
    void neverReportsWhatOnlyABuildScriptImportsAsUndeclared() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "requests\n")
                .with("setup.py", "from setuptools import setup\nimport requests\n")
                .with("tests/test_api.py", "import responses\n");

        DeclaredVersusUsed usage = scanner.scan(source, ScanListener.NONE).usage();

        assertThat(names(usage.undeclaredImports()), contains("responses"));
    }

    @Test
    void namesThePackageATypesPackageDescribes() {
        assertThat(UsageComparison.typedPackage("@types/node-fetch"), is("node-fetch"));
        assertThat(UsageComparison.typedPackage("@types/babel__core"), is("@babel/core"));
    }

    @Test
    void readsRuleGlobsPerEcosystem() {
        Map<Ecosystem, List<Pattern>> rules = UsageComparison.parse("# tools\npypi pytest-*  # plugins\nnpm @types/*\n");

        assertThat(rules.get(Ecosystem.PYPI).getFirst().matcher("pytest-cov").matches(), is(true));
        assertThat(rules.get(Ecosystem.PYPI).getFirst().matcher("pytest").matches(), is(false));
        assertThat(rules.get(Ecosystem.NPM).getFirst().matcher("@types/node").matches(), is(true));
    }

    @Test
    void rejectsAMalformedRuleLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UsageComparison.parse("pypi\n"));

        assertThat(e.getMessage(), containsString("line 1"));
    }

    private static List<String> names(List<Finding> findings) {
        return findings.stream().map(Finding::name).toList();
    }
}
