package dev.depscan.scan.spi;

import java.util.Objects;

/**
 * One source file handed to an {@link ImportAnalyzer}. Unlike a {@link ManifestInput} it carries no tree: the first
 * stage of import analysis looks at one file only, so it can run without knowing the rest of the repository.
 *
 * @param path repository-relative path of the file
 * @param text its content, decoded as UTF-8
 */
public record SourceInput(String path, String text) {

    public SourceInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
