package dev.depscan.scan.spi;

import java.util.Objects;

/**
 * The file a {@link ManifestParser} reads, and the tree it came from, for formats that include other files
 * ({@code -r other.txt}, parent POMs inside the repository).
 *
 * @param path repository-relative path of the file
 * @param text its content, decoded as UTF-8
 * @param tree the rest of the tree, read through the scanner's limits
 */
public record ManifestInput(String path, String text, TreeReader tree) {

    public ManifestInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tree, "tree");
    }
}
