package dev.depscan.scan.spi;

import java.util.List;
import java.util.Optional;

/** Read access to the scanned tree for plugins that follow references between files. */
public interface TreeReader {

    /** Every regular file of the tree, sorted. */
    List<String> paths();

    /**
     * The UTF-8 text of a file of the tree, empty when there is no such file or it cannot be read within the
     * scanner's limits. {@code path} is repository-relative and already normalised (no {@code ..}).
     */
    Optional<String> readText(String path);
}
