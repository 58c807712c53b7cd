package dev.depscan.scan;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link Scanner} reads a tree.
 *
 * @param maxFileBytes largest file the scanner reads; larger files become a {@link ScanIssue}
 * @param ignoreGlobs  extra paths to skip, in the category file's {@code ignore_patterns} syntax (see {@link PathGlob})
 * @param registry      the parsers and analyzers to run
 * @param maxTotalBytes most bytes one scan reads over all files; beyond it the scan stops with a
 *                      {@link ScanLimitException}
 */
public record ScannerOptions(int maxFileBytes, List<String> ignoreGlobs, PluginRegistry registry, long maxTotalBytes) {

    /** 1 GiB of files the parsers and analyzers accept (sources and manifests, not the whole tree). */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 1L << 30;

    /** 5 MiB: far above any real manifest or source file, far below what would hurt a scanning thread. */
    public static final int DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

    /**
     * Directory names skipped wherever they occur in a path: installed or generated third-party code, build output
     * and version-control metadata, whose imports and manifests are not the repository's own.
     */
    public static final Set<String> IGNORED_DIRECTORIES = Set.of(
            "node_modules", "bower_components", ".git", ".hg", ".svn",
            ".venv", "venv", "__pypackages__", "site-packages", ".tox", ".nox", ".eggs", "__pycache__",
            "vendor", "target", "build", "dist");

    public ScannerOptions {
        Objects.requireNonNull(registry, "registry");
        ignoreGlobs = List.copyOf(ignoreGlobs);
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be > 0: " + maxFileBytes);
        }
        if (maxTotalBytes <= 0) {
            throw new IllegalArgumentException("maxTotalBytes must be > 0: " + maxTotalBytes);
        }
    }

    /** 5 MiB files, no extra ignore globs, every built-in plugin. */
    public static ScannerOptions defaults() {
        return new ScannerOptions(DEFAULT_MAX_FILE_BYTES, List.of(), PluginRegistry.defaults(), DEFAULT_MAX_TOTAL_BYTES);
    }

    public ScannerOptions withMaxFileBytes(int bytes) {
        return new ScannerOptions(bytes, ignoreGlobs, registry, maxTotalBytes);
    }

    public ScannerOptions withIgnoreGlobs(List<String> globs) {
        return new ScannerOptions(maxFileBytes, globs, registry, maxTotalBytes);
    }

    public ScannerOptions withRegistry(PluginRegistry plugins) {
        return new ScannerOptions(maxFileBytes, ignoreGlobs, plugins, maxTotalBytes);
    }

    public ScannerOptions withMaxTotalBytes(long bytes) {
        return new ScannerOptions(maxFileBytes, ignoreGlobs, registry, bytes);
    }
}
