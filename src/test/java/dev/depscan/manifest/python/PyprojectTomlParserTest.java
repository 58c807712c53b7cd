package dev.depscan.manifest.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Fixtures;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class PyprojectTomlParserTest {

    private final PyprojectTomlParser parser = new PyprojectTomlParser();

    @ParameterizedTest
    @ValueSource(strings = {"pyproject.toml", "services/api/pyproject.toml", "a/b/c/pyproject.toml"})
    void acceptsPyprojectAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyproject.toml.bak", "Pyproject.toml", "my-pyproject.toml", "poetry.lock", "Cargo.toml",
        "pyproject.toml/README.md"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }

    @Test
    void readsMinimalPep621Project() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-minimal", "pyproject.toml"));

        assertThat(result.issues(), is(empty()));
        assertThat(result.dependencies(), hasSize(1));
        Dependency requests = result.dependencies().get(0);
        assertThat(requests.name(), is("requests"));
        assertThat(requests.version(), is(Optional.of(">=2")));
        assertThat(requests.scope(), is(Scope.RUNTIME));
        assertThat(requests.evidence(), is(new Evidence("pyproject.toml", 4, Evidence.Kind.MANIFEST, "python/pyproject")));
    }

    @Test
    void readsPep621HatchProjectWithGroupsAndToolSections() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-hatch", "pyproject.toml"));

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), containsInAnyOrder("hatchling", "hatch-vcs", "click", "pandas", "pyarrow", "tomli",
                "requests", "boto3", "s3fs", "mkdocs-material", "pytest", "pytest-cov", "ruff", "ipython", "mypy"));
        assertThat(find(result, "hatchling").scope(), is(Scope.BUILD));
        assertThat(find(result, "pandas").scope(), is(Scope.RUNTIME));
        assertThat(find(result, "pandas").version(), is(Optional.of(">=2.0,<3")));
        assertThat(find(result, "requests").resolvedVersion(), is(Optional.of("2.31.0")));
        assertThat(find(result, "tomli").version(), is(Optional.of(">=2.0")));
        assertThat(find(result, "boto3").scope(), is(Scope.OPTIONAL));
        assertThat(find(result, "mkdocs-material").scope(), is(Scope.OPTIONAL));
        assertThat(find(result, "pytest").scope(), is(Scope.TEST));
        assertThat(find(result, "ruff").scope(), is(Scope.DEV));
        assertThat(find(result, "ruff").resolvedVersion(), is(Optional.of("0.1.6")));
        assertThat(find(result, "ipython").scope(), is(Scope.DEV));
        assertThat(find(result, "mypy").scope(), is(Scope.DEV));
    }

    @Test
    void findsTheLineOfEachRequirementInItsSection() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-hatch", "pyproject.toml"));

        assertThat(find(result, "hatchling").evidence().line(), is(2));
        assertThat(find(result, "click").evidence().line(), is(18));
        assertThat(find(result, "tomli").evidence().line(), is(21));
        assertThat(find(result, "s3fs").evidence().line(), is(26));
        assertThat(find(result, "mkdocs-material").evidence().line(), is(28));
        assertThat(find(result, "pytest").evidence().line(), is(38));
        assertThat(find(result, "ruff").evidence().line(), is(39));
        assertThat(find(result, "ipython").evidence().line(), is(48));
        assertThat(find(result, "mypy").evidence().line(), is(51));
    }

    @Test
    void readsPoetryProjectWithGroupsTablesAndAlternatives() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-poetry", "pyproject.toml"));

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), containsInAnyOrder("fastapi", "uvicorn", "sqlalchemy", "pydantic-settings", "boto3",
                "httpx", "internal-sdk", "shared-models", "numpy", "black", "ruff", "mypy", "pytest", "pytest-asyncio",
                "poetry-core"));
        assertThat(find(result, "fastapi").version(), is(Optional.of("^0.104.1")));
        assertThat(find(result, "fastapi").resolvedVersion(), is(Optional.empty()));
        assertThat(find(result, "sqlalchemy").resolvedVersion(), is(Optional.of("2.0.23")));
        assertThat(find(result, "uvicorn").version(), is(Optional.of("^0.24.0")));
        assertThat(find(result, "boto3").scope(), is(Scope.OPTIONAL));
        assertThat(find(result, "httpx").version(), is(Optional.empty()));
        assertThat(find(result, "internal-sdk").version(), is(Optional.empty()));
        assertThat(find(result, "numpy").version(), is(Optional.of("^1.26")));
        assertThat(find(result, "black").scope(), is(Scope.DEV));
        assertThat(find(result, "pytest").scope(), is(Scope.TEST));
        assertThat(find(result, "poetry-core").scope(), is(Scope.BUILD));
    }

    @Test
    void findsPoetryLinesByKey() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-poetry", "pyproject.toml"));

        assertThat(find(result, "fastapi").evidence().line(), is(11));
        assertThat(find(result, "sqlalchemy").evidence().line(), is(13));
        assertThat(find(result, "numpy").evidence().line(), is(19));
        assertThat(find(result, "ruff").evidence().line(), is(29));
        assertThat(find(result, "pytest").evidence().line(), is(33));
    }

    @Test
    void readsFlitMetadata() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-flit", "pyproject.toml"));

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("flit-core", "docutils", "pygments", "pytest", "pytest-cov"));
        assertThat(find(result, "flit-core").version(), is(Optional.of(">=2,<4")));
        assertThat(find(result, "pygments").scope(), is(Scope.RUNTIME));
        assertThat(find(result, "pytest").scope(), is(Scope.OPTIONAL));
    }

    @Test
    void readsEmptyFileAsNothing() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-empty", "pyproject.toml"));

        assertThat(result.dependencies(), is(empty()));
        assertThat(result.issues(), is(empty()));
    }

    @Test
    void reportsMalformedTomlAsOneIssue() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/pyproject-malformed", "pyproject.toml"));

        assertThat(result.dependencies(), is(empty()));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().get(0).message(), containsString("not valid TOML"));
        assertThat(result.issues().get(0).line(), is(greaterThan(0)));
    }

    @Test
    void refusesDeeplyNestedArraysWithoutRecursing() {
        String deep = "x = " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        ParseResult result = parse(deep);

        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().get(0).message(), containsString("nested too deeply"));
    }

    @Test
    void reportsBadRequirementStringsAndKeepsTheOthers() {
        ParseResult result = parse("""
                [project]
                dependencies = ["flask", "not a (valid requirement", 42]
                """);

        assertThat(names(result), contains("flask"));
        assertThat(result.issues(), hasSize(2));
        assertThat(result.issues().get(0).message(), containsString("cannot parse requirement"));
        assertThat(result.issues().get(1).message(), containsString("expected a requirement string"));
    }

    @Test
    void treatsIncludeGroupsAsReferences() {
        ParseResult result = parse("""
                [dependency-groups]
                all = [{include-group = "test"}]
                test = ["coverage"]
                """);

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("coverage"));
    }

    @Test
    void ignoresBracketsInsideStringsAndComments() {
        ParseResult result = parse("""
                # [[[[ not nesting
                [project]
                description = "[[[[{{{{"
                dependencies = ["rich"]  # ]]]]
                """);

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("rich"));
        assertThat(result.dependencies().get(0).evidence().line(), is(4));
    }

    @Test
    void doesNotQuoteCredentialsOfDirectReferences() {
        ParseResult result = parse("""
                [project]
                dependencies = ["private @ https://user:t0ken@git.example.com/private.tar.gz"]
                """);

        assertThat(names(result), contains("private"));
        assertThat(result.issues(), is(empty()));
        assertThat(result.dependencies().get(0).version(), is(Optional.empty()));
        assertThat(result.dependencies().toString(), not(containsString("t0ken")));
    }

    private ParseResult parse(String text) {
        return parser.parse(new ManifestInput("pyproject.toml", text, Fixtures.treeOf(Map.of())));
    }

    private static List<String> names(ParseResult result) {
        return result.dependencies().stream().map(Dependency::name).toList();
    }

    private static Dependency find(ParseResult result, String name) {
        return result.dependencies().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no dependency " + name + " in " + names(result)));
    }
}
