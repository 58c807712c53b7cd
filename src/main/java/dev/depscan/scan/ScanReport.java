package dev.depscan.scan;

import java.util.List;
import java.util.Objects;

/**
 * What a scan of one tree found.
 *
 * @param findings     merged dependencies, sorted by ecosystem and name
 * @param issues       files that could not be read completely
 * @param filesScanned files read by at least one plugin
 * @param usage          declared dependencies against imported ones
 * @param infrastructure the infrastructure technologies the tree shows, with evidence, in path order
 * @param apiCalls       HTTP calls to literal URLs the source code makes, in path order
 * @param bytesScanned   bytes of the files read
 */
public record ScanReport(List<Finding> findings, List<ScanIssue> issues, int filesScanned, DeclaredVersusUsed usage,
                         List<InfrastructureUse> infrastructure, List<ApiCall> apiCalls, long bytesScanned) {

    public ScanReport {
        findings = List.copyOf(findings);
        issues = List.copyOf(issues);
        Objects.requireNonNull(usage, "usage");
        infrastructure = List.copyOf(infrastructure);
        apiCalls = List.copyOf(apiCalls);
        if (filesScanned < 0) {
            throw new IllegalArgumentException("filesScanned must be >= 0");
        }
    }

    /** A report of a tree without analyzed source code. */
    public ScanReport(List<Finding> findings, List<ScanIssue> issues, int filesScanned) {
        this(findings, issues, filesScanned, DeclaredVersusUsed.NONE, List.of(), List.of(), 0);
    }
}
