package dev.depscan.scan.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paths inside a scanned tree, for plugins that follow references between files ({@code -r other.txt}, a parent
 * POM's {@code relativePath}, {@code apply from:}). The one place that decides what may not leave the tree.
 */
public final class TreePaths {

    private TreePaths() {
    }

    /**
     * The repository path that {@code relative}, written in a file of {@code directory}, points to; empty when it is
     * absolute ({@code /x}, {@code ~/x}, {@code C:\x}), a URL, or climbs out of the tree with {@code ..}.
     *
     * @param directory repository-relative directory ({@code ""} for the root), {@code /}-separated
     * @param relative  the reference as written; backslashes count as separators
     */
    public static Optional<String> resolve(String directory, String relative) {
        String cleaned = relative.strip().replace('\\', '/');
        if (cleaned.startsWith("/") || cleaned.startsWith("~") || cleaned.matches("^[A-Za-z]:.*")
            || cleaned.contains("://")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String segment : (directory + "/" + cleaned).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.add(segment);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** The directory of a repository path: {@code a/b} for {@code a/b/c.txt}, {@code ""} for a file at the root. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
