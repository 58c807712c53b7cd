package dev.depscan.scan;

import java.util.List;

/**
 * What a scan of one tree found.
 *
 * @param findings     merged dependencies, sorted by ecosystem and name
 * @param issues       files that could not be read completely
 * @param filesScanned files read by at least one plugin
 */
public record ScanReport(List<Finding> findings, List<ScanIssue> issues, int filesScanned) {

    public ScanReport {
        findings = List.copyOf(findings);
        issues = List.copyOf(issues);
        if (filesScanned < 0) {
            throw new IllegalArgumentException("filesScanned must be >= 0");
        }
    }
}
