package dev.depscan.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DirectoryFileSourceTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void listsRegularFilesSortedWithSlashSeparatedRelativePaths() throws IOException {
        write("b.txt", "b");
        write("a/z.py", "z");
        write("a/b/c.txt", "c");
        Files.createDirectories(root.resolve("empty"));

        assertThat(new DirectoryFileSource(root).paths(), contains("a/b/c.txt", "a/z.py", "b.txt"));
    }

    @Test
    void neverFollowsSymbolicLinks() throws IOException {
        write("real.txt", "real");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("linked-dir"), outside);

        DirectoryFileSource source = new DirectoryFileSource(root);

        assertThat(source.paths(), contains("real.txt"));
        assertThrows(FileReadException.class, () -> source.read("link.txt", 100));
        assertThrows(FileReadException.class, () -> source.read("linked-dir/secret.txt", 100));
    }

    @Test
    void readsWithinTheSizeLimit() throws IOException {
        write("r.txt", "flask\n");
        DirectoryFileSource source = new DirectoryFileSource(root);

        assertThat(new String(source.read("r.txt", 6), StandardCharsets.UTF_8), is("flask\n"));
        assertThrows(FileTooLargeException.class, () -> source.read("r.txt", 5));
    }

    @Test
    void refusesUnlistedAndEscapingPaths() throws IOException {
        write("r.txt", "x");
        DirectoryFileSource source = new DirectoryFileSource(root);

        assertThrows(FileReadException.class, () -> source.read("../r.txt", 100));
        assertThrows(FileReadException.class, () -> source.read("missing.txt", 100));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
