package dev.depscan.scan;

import java.util.Objects;

/**
 * Where a dependency was found.
 *
 * @param file   repository-relative path
 * @param line   1-based line, or 0 when the format has no meaningful line
 * @param kind   whether a manifest declared it or source code imported it
 * @param parser id of the plugin that found it, e.g. {@code python/requirements}
 */
public record Evidence(String file, int line, Kind kind, String parser) {

    /** How the evidence was obtained. */
    public enum Kind { MANIFEST, IMPORT }

    public Evidence {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parser, "parser");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }
}
