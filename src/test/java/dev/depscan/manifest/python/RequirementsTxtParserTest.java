package dev.depscan.manifest.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Fixtures;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ParseResult;
import org.hamcrest.Description;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class RequirementsTxtParserTest {

    private final RequirementsTxtParser parser = new RequirementsTxtParser();

    @ParameterizedTest
    @ValueSource(strings = {"requirements.txt", "requirements-dev.txt", "requirements_test.txt", "api/requirements.txt",
        "constraints.txt", "constraints-py311.txt", "requirements/base.txt", "requirements/pytorch/test.txt",
        "services/web/requirements/prod.txt", "requirements.in", "requirements/dev.in"})
    void acceptsRequirementsFilesAnywhere(String path) {
        assertThat(parser.accepts(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.txt", "Requirements.txt", "requirements.txt.bak", "requirements.py", "docs/notes.txt",
        "requirements", "setup.cfg", "my-requirements.txt", "requirements/README.md", "pyproject.toml"})
    void rejectsOtherFiles(String path) {
        assertThat(parser.accepts(path), is(false));
    }

    @Test
    void readsMinimalFile() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-minimal", "requirements.txt"));

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("flask", "requests"));
        Dependency flask = find(result, "flask");
        assertThat(flask.version(), is(Optional.of("==2.3.3")));
        assertThat(flask.resolvedVersion(), is(Optional.of("2.3.3")));
        assertThat(flask.scope(), is(Scope.RUNTIME));
        assertThat(flask.direct(), is(true));
        assertThat(flask.evidence(), is(new Evidence("requirements.txt", 1, Evidence.Kind.MANIFEST, "python/requirements")));
        Dependency requests = find(result, "requests");
        assertThat(requests.version(), is(Optional.of(">=2.31")));
        assertThat(requests.resolvedVersion(), is(Optional.empty()));
        assertThat(requests.evidence().line(), is(2));
    }

    @Test
    void readsPipCompiledFileWithHashesMarkersIncludesAndReferences() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements.txt"));

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), containsInAnyOrder(
                "requests", "gunicorn", "urllib3", "django", "numpy", "torch", "scikit-learn", "pillow", "psycopg2-binary",
                "uvicorn", "celery", "typing-extensions", "importlib-metadata", "zope-interface", "django-storages",
                "my-fork", "internal-lib", "pyyaml", "tqdm"));
    }

    @Test
    void keepsDeclaredSpecifierAndResolvesOnlyExactPins() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements.txt"));

        assertThat(find(result, "django").version(), is(Optional.of("==4.2.7")));
        assertThat(find(result, "django").resolvedVersion(), is(Optional.of("4.2.7")));
        assertThat(find(result, "numpy").version(), is(Optional.of("==1.26.2")));
        assertThat(find(result, "torch").resolvedVersion(), is(Optional.of("2.1.0+cu118")));
        assertThat(find(result, "scikit-learn").version(), is(Optional.of(">=1.3,<1.4")));
        assertThat(find(result, "scikit-learn").resolvedVersion(), is(Optional.empty()));
        assertThat(find(result, "pillow").version(), is(Optional.of("~=10.1")));
        assertThat(find(result, "celery").version(), is(Optional.of("!=5.3.0,>=5.2")));
        assertThat(find(result, "typing-extensions").resolvedVersion(), is(Optional.of("4.8.0")));
        assertThat(find(result, "importlib-metadata").version(), is(Optional.empty()));
        assertThat(find(result, "django-storages").version(), is(Optional.of(">=1.14")));
        assertThat(find(result, "pyyaml").resolvedVersion(), is(Optional.of("6.0.1")));
        assertThat(find(result, "tqdm").resolvedVersion(), is(Optional.of("4.66.1")));
        assertThat(find(result, "my-fork").version(), is(Optional.empty()));
    }

    @Test
    void reportsTheFirstPhysicalLineOfAContinuedRequirement() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements.txt"));

        assertThat(find(result, "django").evidence().line(), is(16));
        assertThat(find(result, "numpy").evidence().line(), is(20));
        assertThat(find(result, "torch").evidence().line(), is(22));
    }

    @Test
    void attributesIncludedEntriesToTheIncludedFile() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements.txt"));

        Dependency requests = find(result, "requests");
        assertThat(requests.evidence().file(), is("requirements/base.txt"));
        assertThat(requests.evidence().line(), is(2));
        assertThat(requests.scope(), is(Scope.RUNTIME));
    }

    @Test
    void marksConstraintsAsManagedAndNotDirect() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements.txt"));

        Dependency urllib3 = find(result, "urllib3");
        assertThat(urllib3.scope(), is(Scope.MANAGED));
        assertThat(urllib3.direct(), is(false));
        assertThat(urllib3.evidence().file(), is("constraints.txt"));
    }

    @Test
    void givesTestFilesTestScopeButKeepsTheirRuntimeIncludes() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-realistic", "requirements/test.txt"));

        assertThat(find(result, "pytest").scope(), is(Scope.TEST));
        assertThat(find(result, "pytest-django").scope(), is(Scope.TEST));
        assertThat(find(result, "requests").scope(), is(Scope.RUNTIME));
    }

    @Test
    void derivesScopeFromWordsOfTheFileName() {
        assertThat(RequirementsTxtParser.scopeOf("requirements-dev.txt"), is(Scope.DEV));
        assertThat(RequirementsTxtParser.scopeOf("requirements_test.txt"), is(Scope.TEST));
        assertThat(RequirementsTxtParser.scopeOf("requirements/pytorch/test.txt"), is(Scope.TEST));
        assertThat(RequirementsTxtParser.scopeOf("requirements/docs.txt"), is(Scope.DEV));
        assertThat(RequirementsTxtParser.scopeOf("requirements/latest.txt"), is(Scope.RUNTIME));
        assertThat(RequirementsTxtParser.scopeOf("tests/requirements.txt"), is(Scope.RUNTIME));
        assertThat(RequirementsTxtParser.scopeOf("requirements-devices.txt"), is(Scope.RUNTIME));
    }

    @Test
    void readsEmptyFileAsNothing() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-empty", "requirements.txt"));

        assertThat(result.dependencies(), is(empty()));
        assertThat(result.issues(), is(empty()));
    }

    @Test
    void reportsEachBadLineAndKeepsTheRest() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-malformed", "requirements.txt"));

        assertThat(names(result), contains("flask", "django"));
        assertThat(result.issues().stream().map(ScanIssue::line).toList(), contains(2, 3, 5, 6));
        assertThat(result.issues(), everyItem(issueFrom("requirements.txt")));
        assertThat(result.issues().get(2).message(), containsString("missing.txt"));
        assertThat(result.issues().get(3).message(), containsString("#egg="));
    }

    @Test
    void stopsAtIncludeCycles() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-cycle", "requirements.txt"));

        assertThat(names(result), contains("flask", "pytest"));
        assertThat(find(result, "pytest").scope(), is(Scope.DEV));
        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().get(0).message(), containsString("cycle"));
        assertThat(result.issues().get(0).file(), is("requirements-dev.txt"));
    }

    @Test
    void neverFollowsIncludesOutOfTheTree() {
        ParseResult result = parser.parse(Fixtures.input("manifest/python/requirements-outside", "app/requirements.txt"));

        assertThat(names(result), contains("flask"));
        assertThat(result.issues(), hasSize(3));
        assertThat(result.issues().get(0).message(), containsString("leaves the repository"));
        assertThat(result.issues().get(1).message(), containsString("leaves the repository"));
        assertThat(result.issues().get(2).message(), containsString("remote include"));
    }

    @Test
    void ignoresCommentsOptionsAndBlankLines() {
        ParseResult result = parse("""
                # a comment
                   # an indented comment
                --index-url https://user:secret@pypi.example.com/simple

                -i https://pypi.org/simple
                --no-binary :all:
                --prefer-binary
                attrs # trailing comment
                black	# tab before the hash
                """);

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("attrs", "black"));
    }

    @Test
    void normalisesNamesOfAnyLength() {
        ParseResult result = parse("""
                A
                Flask_SQLAlchemy==3.1.1
                zope.interface
                ruamel.yaml.clib>=0.2
                """);

        assertThat(names(result), contains("a", "flask-sqlalchemy", "zope-interface", "ruamel-yaml-clib"));
    }

    @Test
    void keepsMarkersOutOfTheVersionAndTreatsWildcardsAsUnresolved() {
        ParseResult result = parse("""
                pywin32==306; sys_platform == "win32"
                numpy==1.26.*
                tomli>=1.1.0 ; python_version < "3.11"
                """);

        assertThat(find(result, "pywin32").version(), is(Optional.of("==306")));
        assertThat(find(result, "pywin32").resolvedVersion(), is(Optional.of("306")));
        assertThat(find(result, "numpy").version(), is(Optional.of("==1.26.*")));
        assertThat(find(result, "numpy").resolvedVersion(), is(Optional.empty()));
        assertThat(find(result, "tomli").version(), is(Optional.of(">=1.1.0")));
    }

    @Test
    void skipsLocalPathsButNamesUrlsByEggOrArchive() {
        ParseResult result = parse("""
                -e .
                -e ./libs/shared
                ./local/package
                -e git+ssh://git@github.com/acme/tool.git@v2#egg=acme-tool
                https://example.com/dist/simplejson-3.19.1.tar.gz
                file:///opt/wheels/orjson-3.9.10-cp311-cp311-linux_x86_64.whl
                """);

        assertThat(result.issues(), is(empty()));
        assertThat(names(result), contains("acme-tool", "simplejson", "orjson"));
        assertThat(find(result, "simplejson").version(), is(Optional.of("3.19.1")));
    }

    @Test
    void neverQuotesCredentialsInIssues() {
        ParseResult result = parse("git+https://deploy:s3cr3t@git.example.com/acme/private.git\n");

        assertThat(result.issues(), hasSize(1));
        assertThat(result.issues().get(0).message(), not(containsString("s3cr3t")));
    }

    @Test
    void readsWindowsLineEndings() {
        ParseResult result = parse("flask==2.0\r\nrequests \\\r\n  >=2\r\ndjango\r\n");

        assertThat(names(result), contains("flask", "requests", "django"));
        assertThat(find(result, "django").evidence().line(), is(4));
        assertThat(find(result, "requests").version(), is(Optional.of(">=2")));
    }

    @Test
    void readsIncludesThroughTheTree() {
        ManifestInput input = new ManifestInput("requirements.txt", "--requirement=reqs/common.txt\n",
                Fixtures.treeOf(Map.of("reqs/common.txt", "rich\n")));

        ParseResult result = parser.parse(input);

        assertThat(result.dependencies(), hasItem(dependencyFrom("rich", "reqs/common.txt")));
    }

    private ParseResult parse(String text) {
        return parser.parse(new ManifestInput("requirements.txt", text, Fixtures.treeOf(Map.of())));
    }

    private static List<String> names(ParseResult result) {
        return result.dependencies().stream().map(Dependency::name).toList();
    }

    private static Dependency find(ParseResult result, String name) {
        return result.dependencies().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no dependency " + name + " in " + names(result)));
    }

    private static Matcher<ScanIssue> issueFrom(String file) {
        return new FeatureMatcher<>(is(file), "issue in file", "file") {
            @Override
            protected String featureValueOf(ScanIssue actual) {
                return actual.file();
            }
        };
    }

    private static Matcher<Dependency> dependencyFrom(String name, String file) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Dependency d) {
                return d.name().equals(name) && d.evidence().file().equals(file);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(name + " from " + file);
            }
        };
    }
}
