package dev.depscan.scan.spi;

import dev.depscan.scan.ApiCall;
import dev.depscan.scan.ScanIssue;

import java.util.List;

/**
 * What the first stage of an {@link ImportAnalyzer} found in one file.
 *
 * @param imports     raw imports, in file order
 * @param definitions modules or packages the file itself defines (a Java or Kotlin {@code package} clause, a Go
 *                    package path); every analyzer's definitions are pooled in {@link ImportContext#definedModules()}
 *                    so that an import of the repository's own code is never reported as a dependency
 * @param issues      what it skipped
 * @param apiCalls    HTTP calls to literal URLs the file makes (see {@link ApiCalls})
 */
public record ImportExtraction(List<RawImport> imports, List<String> definitions, List<ScanIssue> issues,
                               List<ApiCall> apiCalls) {

    public ImportExtraction {
        imports = List.copyOf(imports);
        definitions = List.copyOf(definitions);
        issues = List.copyOf(issues);
        apiCalls = List.copyOf(apiCalls);
    }

    public ImportExtraction(List<RawImport> imports, List<String> definitions, List<ScanIssue> issues) {
        this(imports, definitions, issues, List.of());
    }

    /** The same extraction with the file's API calls. */
    public ImportExtraction withApiCalls(List<ApiCall> calls) {
        return new ImportExtraction(imports, definitions, issues, calls);
    }

    public static ImportExtraction of(List<RawImport> imports) {
        return new ImportExtraction(imports, List.of(), List.of());
    }

    /** Imports of a file that also defines modules of its own. */
    public static ImportExtraction of(List<RawImport> imports, List<String> definitions) {
        return new ImportExtraction(imports, definitions, List.of());
    }
}
