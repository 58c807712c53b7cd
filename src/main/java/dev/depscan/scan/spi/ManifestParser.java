package dev.depscan.scan.spi;

/**
 * Reads one manifest or lock file format and reports the dependencies it declares.
 *
 * <p>One class per file format, registered by one line in the parser registry. Parsers never execute anything from
 * the repository, never resolve XML external entities, never touch the network and never follow a path outside the
 * tree.
 */
public interface ManifestParser {

    /** Stable id {@code "<ecosystem>/<format>"}, e.g. {@code python/requirements}; used in logs, metrics and issues. */
    String id();

    /** Whether this parser reads the file at {@code path}; looks at the path only and is cheap. */
    boolean accepts(String path);

    /** Parses one file. Returns partial results plus issues for bad content instead of throwing. */
    ParseResult parse(ManifestInput input);
}
