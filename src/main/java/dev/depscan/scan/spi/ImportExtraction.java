package dev.depscan.scan.spi;

import dev.depscan.scan.ScanIssue;

import java.util.List;

/** What the first stage of an {@link ImportAnalyzer} found in one file: raw imports, and issues for what it skipped. */
public record ImportExtraction(List<RawImport> imports, List<ScanIssue> issues) {

    public ImportExtraction {
        imports = List.copyOf(imports);
        issues = List.copyOf(issues);
    }

    public static ImportExtraction of(List<RawImport> imports) {
        return new ImportExtraction(imports, List.of());
    }
}
