package dev.depscan.scan;

import java.util.Objects;

/**
 * A snapshot of a running scan, handed to a {@link ScanListener}.
 *
 * @param scannedFiles      files handled so far
 * @param totalFiles        files the scan will handle
 * @param foundDependencies distinct packages found so far
 * @param currentFile       the file being read
 */
public record ScanProgress(int scannedFiles, int totalFiles, int foundDependencies, String currentFile) {

    public ScanProgress {
        Objects.requireNonNull(currentFile, "currentFile");
    }
}
