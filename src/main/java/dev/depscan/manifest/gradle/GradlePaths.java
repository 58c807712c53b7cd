package dev.depscan.manifest.gradle;

import dev.depscan.scan.spi.TreePaths;

import java.util.Optional;

/** Repository-relative path arithmetic that never leaves the tree. */
final class GradlePaths {

    /** Stand-ins for {@code $rootDir} and {@code $projectDir} while evaluating an {@code apply from} location. */
    static final String ROOT_MARK = "\u0003ROOT";
    static final String DIR_MARK = "\u0003DIR";

    private GradlePaths() {
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String join(String directory, String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }

    /**
     * Where a script-given location points: relative to {@code directory}, or to the build root / project directory
     * when it starts with their marks. Empty for URLs, absolute paths and anything leaving the repository.
     */
    static Optional<String> locate(String location, String directory, String buildRoot) {
        String cleaned = location.strip().replace('\\', '/');
        String base = directory;
        if (cleaned.startsWith(ROOT_MARK)) {
            base = buildRoot;
            cleaned = cleaned.substring(ROOT_MARK.length());
        } else if (cleaned.startsWith(DIR_MARK)) {
            cleaned = cleaned.substring(DIR_MARK.length());
        } else if (cleaned.startsWith("/") || cleaned.contains(":")) {
            return Optional.empty();
        }
        if (cleaned.indexOf('\u0003') >= 0) {
            return Optional.empty();
        }
        return TreePaths.resolve(base, cleaned.replaceFirst("^/+", ""));
    }
}
