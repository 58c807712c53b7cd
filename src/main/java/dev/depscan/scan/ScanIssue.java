package dev.depscan.scan;

import java.util.Objects;

/**
 * A file that could not be read completely. One file's failure is one issue, never a failed scan.
 *
 * @param file    repository-relative path
 * @param line    1-based line, or 0 when not about one line
 * @param parser  id of the plugin, or {@code scanner} for read failures
 * @param message what went wrong, safe to show to any caller (no absolute paths, no stack traces)
 */
public record ScanIssue(String file, int line, String parser, String message) {

    public ScanIssue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }
}
