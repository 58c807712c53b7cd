package dev.depscan.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link FileSource} over a directory on disk, for tests and a local command-line scan.
 *
 * <p>Lists regular files only and never follows a symbolic link, neither to a directory nor to a file, so the scan
 * cannot leave the directory. The listing is taken once, when the source is created; later changes on disk are not
 * seen. Only listed paths can be read.
 */
public final class DirectoryFileSource implements FileSource {

    private final Path root;
    private final List<String> paths;
    private final Set<String> known;

    /** @throws FileReadException when {@code root} is not a directory or cannot be listed */
    public DirectoryFileSource(Path root) {
        Objects.requireNonNull(root, "root");
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileReadException("not a directory: " + root.getFileName());
        }
        try (Stream<Path> walk = Files.walk(this.root)) {
            this.paths = walk
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(this::relative)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new FileReadException("cannot list directory " + root.getFileName(), e);
        }
        this.known = new HashSet<>(paths);
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public byte[] read(String path, int maxBytes) {
        if (!known.contains(path)) {
            throw new FileReadException("no such file: '" + path + "'");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new FileReadException("path leaves the tree: '" + path + "'");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new FileReadException("not a regular file: '" + path + "'");
            }
            if (attributes.size() > maxBytes) {
                throw new FileTooLargeException(path, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 8));
                if (bytes.length > maxBytes) {
                    throw new FileTooLargeException(path, maxBytes);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new FileReadException("cannot read '" + path + "'", e);
        }
    }

    private String relative(Path file) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
