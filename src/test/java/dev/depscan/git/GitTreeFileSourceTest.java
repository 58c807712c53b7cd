package dev.depscan.git;

import dev.depscan.git.testing.TestRepositories;
import dev.depscan.scan.FileReadException;
import dev.depscan.scan.FileTooLargeException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GitTreeFileSourceTest {

    @TempDir
    Path temp;

    private TestRepositories repos;

    @BeforeEach
    void setUp() {
        repos = new TestRepositories(temp);
    }

    private GitTreeFileSource open(TestRepositories.Tree tree) {
        String commit = repos.commit("repo", "main", tree, "test tree");
        return GitTreeFileSource.open(repos.bareDir("repo"), commit);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void refusesATreeWithMoreEntriesThanTheLimitCountingLinksAndSubmodules() {
        String commit = repos.commit("repo", "main", new TestRepositories.Tree()
                .file("a", "1").file("dir/b", "2").symlink("link", "a")
                .gitlink("sub", "0123456789012345678901234567890123456789"), "four entries");

        dev.depscan.scan.ScanLimitException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.depscan.scan.ScanLimitException.class,
                () -> GitTreeFileSource.open(repos.bareDir("repo"), commit, 3));

        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("more than 3 entries"));
        try (GitTreeFileSource files = GitTreeFileSource.open(repos.bareDir("repo"), commit, 4)) {
            assertThat(files.paths(), contains("a", "dir/b"));
        }
    }

    @Test
    void listsRegularAndExecutableFilesSortedByPath() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree()
                .file("pom.xml", "<project/>")
                .file("a-b/x", "dash sorts before slash in Git, after it as a string")
                .file("a/b/c.txt", "deep")
                .executable("gradlew", "#!/bin/sh"))) {

            assertThat(files.paths(), contains("a-b/x", "a/b/c.txt", "gradlew", "pom.xml"));
        }
    }

    @Test
    void skipsSymlinksAndSubmodules() {
        String other = repos.commit("other", "main", Map.of("x", "y"));
        try (GitTreeFileSource files = open(new TestRepositories.Tree()
                .file("package.json", "{}")
                .symlink("link-to-passwd", "/etc/passwd")
                .symlink("dir/link", "../package.json")
                .gitlink("vendor/lib", other))) {

            assertThat(files.paths(), contains("package.json"));
            FileReadException e = assertThrows(FileReadException.class, () -> files.read("link-to-passwd", 100));
            assertThat(e.getMessage(), containsString("not a file of the tree"));
        }
    }

    @Test
    void skipsEntriesWithUnsafeNames() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree()
                .file("ok.txt", "fine")
                .file("../escape.txt", "dot-dot at the top")
                .file("a/../../b.txt", "dot-dot inside")
                .file("./here.txt", "dot segment")
                .file("dir\\..\\win.txt", "backslashes")
                .file(".git/config", "a nested git dir")
                .file("sub/.GIT/hooks/x", "case-folded git dir")
                .file("ctl\u0001name", "control character"))) {

            assertThat(files.paths(), contains("ok.txt"));
        }
    }

    @Test
    void skipsNamesThatAreNotUtf8() {
        assertThat(GitTreeFileSource.safePath(new byte[] {'a', (byte) 0xff, 'b'}).isPresent(), is(false));
        assertThat(GitTreeFileSource.safePath("caf\u00e9/x".getBytes(StandardCharsets.UTF_8)).orElseThrow(),
                is("caf\u00e9/x"));
    }

    @Test
    void readsFileContentFromTheObjectDatabase() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree()
                .file("requirements.txt", "requests==2.31.0\n")
                .file("src/main.py", "import requests\n"))) {

            assertThat(text(files.read("requirements.txt", 1024)), is("requests==2.31.0\n"));
            assertThat(text(files.read("src/main.py", 1024)), is("import requests\n"));
        }
    }

    @Test
    void readsAFileOfExactlyTheLimit() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree().file("f", "12345"))) {
            assertThat(text(files.read("f", 5)), is("12345"));
        }
    }

    @Test
    void rejectsAFileOverTheLimitBeforeLoadingIt() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree().file("big.json", "x".repeat(10_000)))) {
            FileTooLargeException e = assertThrows(FileTooLargeException.class, () -> files.read("big.json", 9_999));
            assertThat(e.getMessage(), containsString("big.json"));
            assertThat(e.getMessage(), not(containsString(temp.toString())));
        }
    }

    @Test
    void refusesToReadAPathThatIsNotListed() {
        try (GitTreeFileSource files = open(new TestRepositories.Tree().file("a/b", "x"))) {
            assertThrows(FileReadException.class, () -> files.read("a", 100));
            assertThrows(FileReadException.class, () -> files.read("a/../a/b", 100));
        }
    }

    @Test
    void readsFromManyThreadsAtOnce() throws Exception {
        TestRepositories.Tree tree = new TestRepositories.Tree();
        for (int i = 0; i < 50; i++) {
            tree.file("f" + i, "content " + i);
        }
        try (GitTreeFileSource files = open(tree); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 50; i++) {
                    int n = i;
                    results.add(pool.submit(() -> text(files.read("f" + n, 100)).equals("content " + n)));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(), is(true));
            }
        }
    }

    @Test
    void failsToReadAfterClose() {
        GitTreeFileSource files = open(new TestRepositories.Tree().file("a", "x"));
        files.close();
        files.close();

        assertThrows(IllegalStateException.class, () -> files.read("a", 100));
    }

    @Test
    void reportsAMissingCommitWithoutAbsolutePaths() {
        repos.commit("repo", "main", Map.of("a", "x"));

        FileReadException e = assertThrows(FileReadException.class,
                () -> GitTreeFileSource.open(repos.bareDir("repo"), "0123456789abcdef0123456789abcdef01234567"));

        assertThat(e.getMessage(), not(containsString(temp.toString())));
    }

    @Test
    void rejectsAnAbbreviatedCommitId() {
        assertThrows(IllegalArgumentException.class, () -> GitTreeFileSource.open(repos.bareDir("repo"), "abc1234"));
    }
}
