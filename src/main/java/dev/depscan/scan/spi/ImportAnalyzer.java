package dev.depscan.scan.spi;

import dev.depscan.scan.Ecosystem;

import java.util.List;

/**
 * Finds the packages a language's source code uses, as opposed to the ones a manifest declares.
 *
 * <p>Two stages, because the answer for one file depends on the whole repository: {@link #extract} reads one file
 * and returns the modules it imports as written; after every file has been read, {@link #resolve} turns all of them
 * into dependencies, knowing the tree's paths (to drop first-party modules) and the declared dependencies (to map an
 * import name to the package that provides it). Like manifest parsers, analyzers never execute anything from the
 * repository and never throw for bad content. Registered by one line in the plugin registry.
 */
public interface ImportAnalyzer {

    /** Stable id {@code "<language>/imports"}, e.g. {@code python/imports}. */
    String id();

    /**
     * The ecosystem whose packages this language imports. Once the analyzer has read a file, that ecosystem counts as
     * analyzed, and its declared dependencies that no import names are reported as unused.
     */
    Ecosystem ecosystem();

    /** Whether this analyzer reads the file at {@code path}; looks at the path only and is cheap. */
    boolean accepts(String path);

    /**
     * Whether {@code path} (an accepted file) is source code, as opposed to a file read only for the modules it
     * defines ({@code go.mod}, {@code package.json}); only source files make an ecosystem count as analyzed.
     */
    default boolean isSource(String path) {
        return true;
    }

    /** Stage one: the imports of one source file, in file order. */
    ImportExtraction extract(SourceInput input);

    /**
     * Stage two: the dependencies behind every raw import this analyzer extracted in one scan. Each returned
     * dependency has evidence of kind {@link dev.depscan.scan.Evidence.Kind#IMPORT} and the analyzer's id.
     */
    ParseResult resolve(List<RawImport> imports, ImportContext context);
}
