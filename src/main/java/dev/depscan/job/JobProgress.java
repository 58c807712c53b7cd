package dev.depscan.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The live figures of a running job, shown by {@code GET /jobs/{id}/partial}.
 *
 * @param scannedFiles      files handled so far
 * @param totalFiles        files the scan will handle (0 until the scan starts)
 * @param foundDependencies dependencies found so far
 * @param currentFile       the file being read, if any
 * @param lastUpdated       when these figures were taken
 */
public record JobProgress(int scannedFiles, int totalFiles, int foundDependencies, Optional<String> currentFile,
                          Instant lastUpdated) {

    public JobProgress {
        Objects.requireNonNull(currentFile, "currentFile");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }

    static JobProgress none(Instant now) {
        return new JobProgress(0, 0, 0, Optional.empty(), now);
    }
}
