package dev.depscan.scan.spi;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.ScanIssue;

import java.util.List;

/**
 * What a plugin found in one file: dependencies, issues for the parts it could not read, and the infrastructure
 * technologies the file shows the repository uses.
 */
public record ParseResult(List<Dependency> dependencies, List<ScanIssue> issues, List<InfrastructureUse> infrastructure) {

    public ParseResult {
        dependencies = List.copyOf(dependencies);
        issues = List.copyOf(issues);
        infrastructure = List.copyOf(infrastructure);
    }

    public ParseResult(List<Dependency> dependencies, List<ScanIssue> issues) {
        this(dependencies, issues, List.of());
    }

    public static ParseResult of(List<Dependency> dependencies) {
        return new ParseResult(dependencies, List.of());
    }

    public static ParseResult failed(ScanIssue issue) {
        return new ParseResult(List.of(), List.of(issue));
    }
}
