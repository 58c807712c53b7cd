package dev.depscan.manifest.gradle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Gradle version catalog, with aliases normalised the way Gradle builds its accessors: {@code junit-jupiter},
 * {@code junit_jupiter} and {@code junit.jupiter} are all reached as {@code libs.junit.jupiter}.
 *
 * @param path      repository-relative path of the TOML file
 * @param versions  {@code [versions]}, rich versions reduced to their strictly/require/prefer text
 * @param libraries {@code [libraries]}
 * @param bundles   {@code [bundles]}, as normalised library aliases
 * @param plugins   {@code [plugins]}
 */
record VersionCatalog(String path, Map<String, String> versions, Map<String, Library> libraries,
                      Map<String, List<String>> bundles, Map<String, Plugin> plugins) {

    VersionCatalog {
        Objects.requireNonNull(path, "path");
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
        bundles = Collections.unmodifiableMap(new LinkedHashMap<>(bundles));
        plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
    }

    /** A library: {@code group:artifact} and its version text, if the catalog gives one. */
    record Library(String group, String artifact, Optional<String> version) {
        Library {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(version, "version");
        }
    }

    /** A plugin: its id and version text, if the catalog gives one. */
    record Plugin(String id, Optional<String> version) {
        Plugin {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The accessor path of an alias: separators {@code -}, {@code _} and {@code .} all become dots. */
    static String normalise(String alias) {
        return alias.replace('-', '.').replace('_', '.');
    }
}
