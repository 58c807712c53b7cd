package dev.depscan.scan.spi;

import java.util.Objects;

/**
 * A module name as one import statement wrote it, before anyone decided whether it is a third-party package.
 *
 * @param file   repository-relative path of the importing file
 * @param module the imported module, dotted as written ({@code google.cloud.storage}); never relative
 * @param line   1-based line of the import statement
 */
public record RawImport(String file, String module, int line) {

    public RawImport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(module, "module");
        if (module.isBlank()) {
            throw new IllegalArgumentException("module must not be blank");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
