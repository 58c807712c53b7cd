package dev.depscan.scan.spi;

import dev.depscan.scan.Dependency;

import java.util.List;

/**
 * What the second stage of an {@link ImportAnalyzer} may know about the repository.
 *
 * @param paths    every scanned (not ignored) file of the tree, sorted; used to recognise first-party modules
 * @param declared every dependency the manifest parsers reported, in scan order; used to map import names to
 *                 the packages the repository itself declares
 */
public record ImportContext(List<String> paths, List<Dependency> declared) {

    public ImportContext {
        paths = List.copyOf(paths);
        declared = List.copyOf(declared);
    }
}
