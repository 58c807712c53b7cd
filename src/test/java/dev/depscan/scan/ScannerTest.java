package dev.depscan.scan;

import dev.depscan.imports.python.PythonImportAnalyzer;
import dev.depscan.manifest.python.RequirementsTxtParser;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScannerTest {

    private final Scanner scanner = new Scanner(ScannerOptions.defaults());

    @Test
    void announcesEachPackageOnceWithItsFirstSourceAsFilesAreRead() {
        MemoryFileSource source = new MemoryFileSource()
                .with("a/requirements.txt", "flask\nrequests\n")
                .with("b/requirements.txt", "flask==3.0\n")
                .with("main.py", "import flask\nimport yaml\n");
        List<String> announced = new ArrayList<>();

        scanner.scan(source, new ScanListener() {
            @Override
            public void onFinding(Finding finding) {
                announced.add(finding.name() + "@" + finding.sources().getFirst().file() + ":"
                              + finding.sources().size());
            }
        });

        assertThat(announced, contains("flask@a/requirements.txt:1", "requests@a/requirements.txt:1",
                                       "pyyaml@main.py:1"));
    }

    @Test
    void skipsDefaultIgnoredDirectoriesAnywhereInThePath() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "flask\n")
                .with("node_modules/pkg/requirements.txt", "left-pad\n")
                .with(".venv/lib/python3.11/site-packages/six.py", "import evil\n")
                .with("services/api/vendor/requirements.txt", "vendored\n")
                .with("web/build/lib/app.py", "import built\n")
                .with(".git/hooks/pre-commit.py", "import hook\n")
                .with("dist/requirements.txt", "dist\n");

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        assertThat(names(report), contains("flask"));
        assertThat(report.filesScanned(), is(1));
    }

    @Test
    void treatsAnIgnoredNameAsADirectoryOnlyNeverAsAFileName() {
        MemoryFileSource source = new MemoryFileSource().with("build.py", "import invoke\n");

        assertThat(names(scanner.scan(source, ScanListener.NONE)), contains("invoke"));
    }

    @Test
    void skipsPathsMatchingConfiguredIgnoreGlobs() {
        MemoryFileSource source = new MemoryFileSource()
                .with("tests/unit/test_app.py", "import pytest\n")
                .with("fixtures/requirements.txt", "fixture-top\n")
                .with("src/fixtures/sample/requirements.txt", "fixture-deep\n")
                .with("src/app.py", "import requests\n");
        Scanner withGlobs = new Scanner(ScannerOptions.defaults().withIgnoreGlobs(List.of("tests/*", "**/fixtures/**")));

        ScanReport report = withGlobs.scan(source, ScanListener.NONE);

        assertThat(names(report), contains("requests"));
    }

    @Test
    void stopsWhenTheFilesToScanAddUpToMoreThanTheTotalLimit() {
        MemoryFileSource source = new MemoryFileSource()
                .with("a/requirements.txt", "flask\n".repeat(10))
                .with("b/requirements.txt", "django\n".repeat(10));
        Scanner bounded = new Scanner(ScannerOptions.defaults().withMaxTotalBytes(100));

        ScanLimitException e = assertThrows(ScanLimitException.class, () -> bounded.scan(source, ScanListener.NONE));

        assertThat(e.getMessage(), containsString("more than 100 bytes"));
        assertThat(new Scanner(ScannerOptions.defaults().withMaxTotalBytes(130)).scan(source, ScanListener.NONE)
                           .findings().size(), is(2));
    }

    @Test
    void reportsAnOversizedFileAndScansTheRest() {
        MemoryFileSource source = new MemoryFileSource()
                .with("a/requirements.txt", "x".repeat(200))
                .with("b/requirements.txt", "flask\n");
        Scanner small = new Scanner(ScannerOptions.defaults().withMaxFileBytes(100));

        ScanReport report = small.scan(source, ScanListener.NONE);

        assertThat(names(report), contains("flask"));
        assertThat(report.issues(), contains(new ScanIssue("a/requirements.txt", 0, "scanner", "file is larger than 100 bytes")));
        assertThat(report.filesScanned(), is(1));
    }

    @Test
    void reportsAFileThatIsNotValidUtf8() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", new byte[] {'f', 'l', 'a', 's', 'k', (byte) 0xC3, (byte) 0x28, '\n'});

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        assertThat(report.findings(), is(empty()));
        assertThat(report.issues(), contains(new ScanIssue("requirements.txt", 0, "scanner", "not valid UTF-8")));
        assertThat(report.filesScanned(), is(0));
    }

    @Test
    void reportsABinaryFile() {
        MemoryFileSource source = new MemoryFileSource().with("module.py", new byte[] {'i', 'm', 0, 'p', 'o'});

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        assertThat(report.issues(), hasSize(1));
        assertThat(report.issues().get(0).message(), containsString("binary"));
    }

    @Test
    void reportsAnUnreadableFile() {
        FileSource broken = new FileSource() {
            @Override
            public List<String> paths() {
                return List.of("requirements.txt");
            }

            @Override
            public byte[] read(String path, int maxBytes) {
                throw new FileReadException("disk on fire at /var/lib/secret");
            }
        };

        ScanReport report = scanner.scan(broken, ScanListener.NONE);

        assertThat(report.issues(), contains(new ScanIssue("requirements.txt", 0, "scanner", "file could not be read")));
    }

    @Test
    void stripsAByteOrderMark() {
        MemoryFileSource source = new MemoryFileSource().with("requirements.txt", "\uFEFFflask==2.0\n");

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        assertThat(report.issues(), is(empty()));
        assertThat(names(report), contains("flask"));
    }

    @Test
    void turnsAPluginExceptionIntoAnIssueAndKeepsOtherResults() {
        ManifestParser exploding = new ManifestParser() {
            @Override
            public String id() {
                return "test/exploding";
            }

            @Override
            public boolean accepts(String path) {
                return path.endsWith(".txt");
            }

            @Override
            public ParseResult parse(ManifestInput input) {
                throw new IllegalStateException("boom with /home/secret/path");
            }
        };
        PluginRegistry registry = PluginRegistry.of(List.of(exploding, new RequirementsTxtParser()), List.of());
        MemoryFileSource source = new MemoryFileSource().with("requirements.txt", "flask\n");

        ScanReport report = new Scanner(ScannerOptions.defaults().withRegistry(registry)).scan(source, ScanListener.NONE);

        assertThat(names(report), contains("flask"));
        assertThat(report.issues(), hasSize(1));
        ScanIssue issue = report.issues().get(0);
        assertThat(issue.parser(), is("test/exploding"));
        assertThat(issue.file(), is("requirements.txt"));
        assertThat(issue.message(), containsString("IllegalStateException"));
        assertThat(issue.message(), not(containsString("secret")));
    }

    @Test
    void reportsProgressAfterEveryAcceptedFile() {
        MemoryFileSource source = new MemoryFileSource()
                .with("README.md", "# nothing to see\n")
                .with("app.py", "import requests\n")
                .with("requirements.txt", "flask\nrequests\n")
                .with("tests/test_app.py", "import pytest\n");
        List<ScanProgress> progress = new ArrayList<>();

        scanner.scan(source, new ScanListener() {
            @Override
            public void onProgress(ScanProgress p) {
                progress.add(p);
            }
        });

        assertThat(progress, contains(
                new ScanProgress(1, 3, 0, "app.py"),
                new ScanProgress(2, 3, 2, "requirements.txt"),
                new ScanProgress(3, 3, 2, "tests/test_app.py")));
    }

    @Test
    void stopsBetweenFilesWhenTheListenerCancels() {
        MemoryFileSource source = new MemoryFileSource()
                .with("a.py", "import a\n")
                .with("b.py", "import b\n")
                .with("c.py", "import c\n");
        List<String> seen = new ArrayList<>();
        ScanListener cancelAfterTwo = new ScanListener() {
            @Override
            public void onProgress(ScanProgress p) {
                seen.add(p.currentFile());
            }

            @Override
            public boolean cancelled() {
                return seen.size() >= 2;
            }
        };

        assertThrows(ScanCancelledException.class, () -> scanner.scan(source, cancelAfterTwo));
        assertThat(seen, contains("a.py", "b.py"));
    }

    @Test
    void mergesAManifestPinAndAnImportOfTheSamePackage() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "numpy==1.26.2\n")
                .with("src/analysis.py", "import os\n\nimport numpy as np\n");

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        assertThat(report.findings(), hasSize(1));
        Finding numpy = report.findings().get(0);
        assertThat(numpy.name(), is("numpy"));
        assertThat(numpy.version(), is(Optional.of("==1.26.2")));
        assertThat(numpy.resolvedVersion(), is(Optional.of("1.26.2")));
        assertThat(numpy.purl(), is(Optional.of("pkg:pypi/numpy@1.26.2")));
        assertThat(numpy.scope(), is(Scope.RUNTIME));
        assertThat(numpy.direct(), is(true));
        assertThat(numpy.sources(), contains(
                new Evidence("requirements.txt", 1, Evidence.Kind.MANIFEST, "python/requirements"),
                new Evidence("src/analysis.py", 3, Evidence.Kind.IMPORT, "python/imports")));
        assertThat(report.filesScanned(), is(2));
    }

    @Test
    void keepsTheWidestScopeAndCountsEachPlaceOnce() {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements-test.txt", "pytest>=7\n-r requirements-dev.txt\n")
                .with("requirements-dev.txt", "pytest==7.4.3\n")
                .with("constraints.txt", "urllib3<2\n");

        ScanReport report = scanner.scan(source, ScanListener.NONE);

        Finding pytest = find(report, "pytest");
        assertThat(pytest.scope(), is(Scope.DEV));
        assertThat(pytest.version(), is(Optional.of("==7.4.3")));
        assertThat(pytest.sources(), hasSize(2));
        Finding urllib3 = find(report, "urllib3");
        assertThat(urllib3.scope(), is(Scope.MANAGED));
        assertThat(urllib3.direct(), is(false));
        assertThat(urllib3.purl(), is(Optional.of("pkg:pypi/urllib3")));
    }

    @Test
    void sortsFindingsByEcosystemThenName() {
        MemoryFileSource source = new MemoryFileSource().with("requirements.txt", "zeep\nattrs\nMarkupSafe\n");

        assertThat(names(scanner.scan(source, ScanListener.NONE)), contains("attrs", "markupsafe", "zeep"));
    }

    @Test
    void scansARealDirectoryEndToEnd() {
        ScanReport report = scanner.scan(new DirectoryFileSource(Fixtures.dir("imports/python/mapping")), ScanListener.NONE);

        assertThat(report.issues(), is(empty()));
        assertThat(report.filesScanned(), is(2));
        Finding cv = find(report, "opencv-python-headless");
        assertThat(cv.sources().stream().map(Evidence::kind).toList(), contains(Evidence.Kind.MANIFEST, Evidence.Kind.IMPORT));
    }

    @Test
    void hasAVersionForTheResultCache() {
        assertThat(Scanner.version().matches("\\d+\\.\\d+\\.\\d+"), is(true));
    }

    @Test
    void registersEveryBuiltInPluginOnce() {
        PluginRegistry defaults = PluginRegistry.defaults();

        List<String> ids = defaults.parsers().stream().map(ManifestParser::id).toList();
        assertThat(ids, hasItems("python/requirements", "python/pyproject"));
        assertThat(Set.copyOf(ids).size(), is(ids.size()));
        assertThat(ids.toString(), ids.stream().allMatch(id -> id.matches("[a-z]+/[a-z0-9-]+")), is(true));
        assertThat(defaults.analyzers().get(0).id(), is(PythonImportAnalyzer.ID));
        assertThrows(IllegalArgumentException.class,
                () -> PluginRegistry.of(List.of(new RequirementsTxtParser(), new RequirementsTxtParser()), List.of()));
    }

    private static List<String> names(ScanReport report) {
        return report.findings().stream().map(Finding::name).toList();
    }

    private static Finding find(ScanReport report, String name) {
        return report.findings().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + name + " in " + names(report)));
    }
}
