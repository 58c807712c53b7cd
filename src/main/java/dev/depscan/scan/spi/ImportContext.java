package dev.depscan.scan.spi;

import dev.depscan.scan.Dependency;

import java.util.List;
import java.util.Set;

/**
 * What the second stage of an {@link ImportAnalyzer} may know about the repository.
 *
 * @param paths    every scanned (not ignored) file of the tree, sorted; used to recognise first-party modules
 * @param declared every dependency the manifest parsers reported, in scan order; used to map import names to
 *                 the packages the repository itself declares
 * @param definedModules every module or package that some scanned source file says it defines (see
 *                 {@link ImportExtraction#definitions()}), pooled over all analyzers because languages of one
 *                 platform share a namespace (a Kotlin package is first-party for a Java import too)
 */
public record ImportContext(List<String> paths, List<Dependency> declared, Set<String> definedModules) {

    public ImportContext {
        paths = List.copyOf(paths);
        declared = List.copyOf(declared);
        definedModules = Set.copyOf(definedModules);
    }

    /** A context without module definitions, for analyzers whose languages have none (Python). */
    public ImportContext(List<String> paths, List<Dependency> declared) {
        this(paths, declared, Set.of());
    }
}
