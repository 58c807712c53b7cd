package dev.depscan.scan.spi;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.ScanIssue;

import java.util.List;

/**
 * What a plugin found in one file: dependencies, and issues for the parts it could not read.
 */
public record ParseResult(List<Dependency> dependencies, List<ScanIssue> issues) {

    public ParseResult {
        dependencies = List.copyOf(dependencies);
        issues = List.copyOf(issues);
    }

    public static ParseResult of(List<Dependency> dependencies) {
        return new ParseResult(dependencies, List.of());
    }

    public static ParseResult failed(ScanIssue issue) {
        return new ParseResult(List.of(), List.of(issue));
    }
}
