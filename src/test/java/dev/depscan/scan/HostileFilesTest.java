package dev.depscan.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The hostile-file catalogue: each case is a file a stranger could commit, with what the scan must do about it. Every
 * case must finish quickly, never throw, keep the rest of the repository's findings (a {@code requirements.txt} with
 * {@code flask} sits beside every hostile file), and, where it says, report an issue containing the given text.
 */
class HostileFilesTest {

    private static final String NONE = "";

    static Stream<Arguments> catalogue() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<project>&lol2;</project>\n";
        String yamlBomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                          + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                          + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                          + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                          + "dependencies: [*g]\n";
        String deepJson = "{\"dependencies\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String deepToml = "[project]\ndependencies = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        String nul = "flask\u0000\u0000\u0000";
        return Stream.of(
                Arguments.of("XXE reading a local file", "pom.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x "
                             + "SYSTEM \"file:///etc/passwd\">]>\n<project><groupId>&x;</groupId></project>\n", "DOCTYPE"),
                Arguments.of("XXE fetching a URL", "pom.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "
                             + "\"http://169.254.169.254/latest/meta-data/\">]>\n<project>&x;</project>\n", "DOCTYPE"),
                Arguments.of("XXE through a parameter entity", "pom.xml", "<!DOCTYPE p [<!ENTITY % x SYSTEM "
                             + "\"http://127.0.0.1/evil.dtd\"> %x;]>\n<project/>\n", "DOCTYPE"),
                Arguments.of("billion laughs in a POM", "pom.xml", laughs, "DOCTYPE"),
                Arguments.of("billion laughs in a csproj", "App.csproj", laughs.replace("project", "Project"), "DOCTYPE"),
                Arguments.of("XXE in packages.config", "packages.config", "<!DOCTYPE p [<!ENTITY x SYSTEM "
                             + "\"file:///etc/hostname\">]>\n<packages><package id=\"&x;\" version=\"1\"/></packages>\n",
                             "DOCTYPE"),
                Arguments.of("YAML alias bomb as a conda environment", "environment.yml", yamlBomb, NONE),
                Arguments.of("YAML alias bomb as a compose file", "docker-compose.yml", yamlBomb, NONE),
                Arguments.of("YAML alias bomb as a pnpm lock", "pnpm-lock.yaml", "lockfileVersion: '9.0'\n" + yamlBomb,
                             NONE),
                Arguments.of("YAML alias bomb as a Kubernetes file", "k8s/bomb.yaml", "apiVersion: v1\nkind: List\n"
                             + yamlBomb, NONE),
                Arguments.of("YAML alias bomb as a workflow", ".github/workflows/bomb.yml", yamlBomb, NONE),
                Arguments.of("deeply nested package.json", "package.json", deepJson, "nests deeper"),
                Arguments.of("deeply nested composer.json", "composer.json", deepJson, "nests deeper"),
                Arguments.of("deeply nested package-lock.json", "package-lock.json", deepJson, NONE),
                Arguments.of("deeply nested Pipfile.lock", "Pipfile.lock", deepJson, NONE),
                Arguments.of("deeply nested packages.lock.json", "packages.lock.json", deepJson, "nests deeper"),
                Arguments.of("deeply nested pyproject.toml", "pyproject.toml", deepToml, NONE),
                Arguments.of("deeply nested Cargo.toml", "Cargo.toml", deepToml.replace("[project]", "[package]"), NONE),
                Arguments.of("deeply nested pixi.toml", "pixi.toml", deepToml, "nests too deeply"),
                Arguments.of("NUL bytes in a manifest", "sub/requirements.txt", nul, "binary"),
                Arguments.of("invalid UTF-8 in a manifest", "go.mod", "module x\n\u00ff", NONE),
                Arguments.of("a 4 MB single-line Python file", "big.py", "x = '" + "a".repeat(4_000_000) + "'\n", NONE),
                Arguments.of("a 4 MB single-line JavaScript file", "big.js", "var x = \"" + "a".repeat(4_000_000) + "\";\n",
                             NONE),
                Arguments.of("unterminated strings everywhere", "app.ts", "import x from 'a\n".repeat(20_000), NONE),
                Arguments.of("unterminated comment", "Main.java", "/*" + " import a.b.C;\n".repeat(20_000), NONE),
                Arguments.of("a Gradle script of open braces", "build.gradle", "dependencies {".repeat(50_000), NONE),
                Arguments.of("an sbt build of open parentheses", "build.sbt", "Seq(".repeat(50_000), NONE),
                Arguments.of("a setup.py of nested lists", "setup.py", "setup(install_requires=" + "[".repeat(50_000)
                                                                       + ")", NONE),
                Arguments.of("a requirements include cycle", "requirements/a.txt", "-r a.txt\nflask\n", "cycle"),
                Arguments.of("a requirements include outside the tree", "requirements/b.txt", "-r ../../../etc/passwd\n", NONE),
                Arguments.of("a Gemfile of endless blocks", "Gemfile", "group :test do\n".repeat(30_000), NONE),
                Arguments.of("a Dockerfile of endless continuations", "Dockerfile", "FROM a \\\n".repeat(30_000), NONE),
                Arguments.of("a Terraform file of braces", "main.tf", "terraform {\n".repeat(30_000), NONE),
                Arguments.of("Go imports that never close", "main.go", "package main\nimport (\n" + "\"x\n".repeat(30_000),
                             NONE),
                Arguments.of("a regex-looking JavaScript file", "re.js", "a = b / c / d /".repeat(50_000), NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void containsAHostileFile(String name, String path, String content, String expectedIssue) {
        MemoryFileSource source = new MemoryFileSource()
                .with("requirements.txt", "flask\n")
                .with(path, content);

        ScanReport report = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Scanner(ScannerOptions.defaults()).scan(source, ScanListener.NONE));

        assertThat(report.findings().stream().anyMatch(f -> f.name().equals("flask")), is(true));
        if (!expectedIssue.isEmpty()) {
            assertThat(report.issues().toString(), containsString(expectedIssue));
        }
        assertThat(report.issues().toString(), report.issues().stream()
                .noneMatch(i -> i.message().contains("internal error")), is(true));
        assertThat(new String(report.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                   report.toString().contains("root:x:0:0"), is(false));
    }
}
