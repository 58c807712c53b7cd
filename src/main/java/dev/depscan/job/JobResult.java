package dev.depscan.job;

import dev.depscan.classify.Classification;
import dev.depscan.scan.ScanReport;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of a completed scan.
 *
 * @param commit         the commit scanned
 * @param scannerVersion version of the scanner that produced it
 * @param report         findings and issues
 * @param classification category flags and per-finding categories and verdicts
 * @param completedAt    when the scan finished
 */
public record JobResult(String commit, String scannerVersion, ScanReport report, Classification classification,
                        Instant completedAt) {

    public JobResult {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scannerVersion, "scannerVersion");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
