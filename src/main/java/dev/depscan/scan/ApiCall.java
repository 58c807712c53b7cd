package dev.depscan.scan;

import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP call to a literal URL that source code makes.
 *
 * @param url    the URL as written (query string and fragment removed)
 * @param method the HTTP method, upper case ({@code GET} when the call does not say)
 * @param file   repository-relative path
 * @param line   1-based line
 */
public record ApiCall(String url, String method, String file, int line) {

    public ApiCall {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1");
        }
    }
}
