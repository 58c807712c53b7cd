package dev.depscan.manifest.gradle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a version catalog ({@code gradle/libs.versions.toml}) into a {@link VersionCatalog}.
 *
 * <p>Not a {@code ManifestParser} on purpose: an entry of a catalog that no build script uses is not a dependency, so
 * the catalog yields no findings of its own. {@link GradleBuildParser} reports each use, with evidence at the line of
 * the build script that uses it and the version the catalog gives.
 */
final class GradleVersionCatalogParser {

    private static final TomlMapper TOML = new TomlMapper();

    /** The catalog could not be read; the message is safe to show. */
    static final class CatalogException extends RuntimeException {
        CatalogException(String message) {
            super(message);
        }
    }

    private GradleVersionCatalogParser() {
    }

    /**
     * Parses a catalog. Entries that make no sense (a library without a module, a dangling {@code version.ref}) are
     * left out or left without a version and described in {@code problems}.
     */
    static VersionCatalog parse(String path, String text, List<String> problems) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            throw new CatalogException("'" + path + "' is not valid TOML: " + message);
        }
        if (root == null || !root.isObject()) {
            return new VersionCatalog(path, Map.of(), Map.of(), Map.of(), Map.of());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        root.path("versions").properties().forEach(e -> richVersion(e.getValue())
                .ifPresent(v -> versions.put(VersionCatalog.normalise(e.getKey()), v)));

        Map<String, VersionCatalog.Library> libraries = new LinkedHashMap<>();
        root.path("libraries").properties().forEach(e -> library(e.getKey(), e.getValue(), versions, problems)
                .ifPresent(l -> libraries.put(VersionCatalog.normalise(e.getKey()), l)));

        Map<String, List<String>> bundles = new LinkedHashMap<>();
        root.path("bundles").properties().forEach(e -> {
            List<String> members = new ArrayList<>();
            e.getValue().forEach(member -> members.add(VersionCatalog.normalise(member.asText())));
            bundles.put(VersionCatalog.normalise(e.getKey()), members);
        });

        Map<String, VersionCatalog.Plugin> plugins = new LinkedHashMap<>();
        root.path("plugins").properties().forEach(e -> plugin(e.getKey(), e.getValue(), versions, problems)
                .ifPresent(p -> plugins.put(VersionCatalog.normalise(e.getKey()), p)));
        return new VersionCatalog(path, versions, libraries, bundles, plugins);
    }

    private static Optional<VersionCatalog.Library> library(String alias, JsonNode node, Map<String, String> versions,
                                                            List<String> problems) {
        if (node.isTextual()) {
            String[] parts = node.asText().split(":");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add("library '" + alias + "' is not group:artifact[:version]: " + node.asText());
                return Optional.empty();
            }
            Optional<String> version = parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
            return Optional.of(new VersionCatalog.Library(parts[0], parts[1], version));
        }
        String group;
        String artifact;
        if (node.hasNonNull("module")) {
            String[] parts = node.get("module").asText().split(":");
            if (parts.length != 2) {
                problems.add("library '" + alias + "' has a module that is not group:artifact");
                return Optional.empty();
            }
            group = parts[0];
            artifact = parts[1];
        } else if (node.hasNonNull("group") && node.hasNonNull("name")) {
            group = node.get("group").asText();
            artifact = node.get("name").asText();
        } else {
            problems.add("library '" + alias + "' names no module");
            return Optional.empty();
        }
        return Optional.of(new VersionCatalog.Library(group, artifact, version(alias, node.get("version"), versions,
                problems)));
    }

    private static Optional<VersionCatalog.Plugin> plugin(String alias, JsonNode node, Map<String, String> versions,
                                                          List<String> problems) {
        if (node.isTextual()) {
            String[] parts = node.asText().split(":", 2);
            return Optional.of(new VersionCatalog.Plugin(parts[0],
                    parts.length > 1 ? Optional.of(parts[1]) : Optional.empty()));
        }
        if (!node.hasNonNull("id")) {
            problems.add("plugin '" + alias + "' has no id");
            return Optional.empty();
        }
        return Optional.of(new VersionCatalog.Plugin(node.get("id").asText(),
                version(alias, node.get("version"), versions, problems)));
    }

    /** {@code version = "1.0"}, {@code version.ref = "x"} or a rich version table. */
    private static Optional<String> version(String alias, JsonNode version, Map<String, String> versions,
                                            List<String> problems) {
        if (version == null || version.isNull()) {
            return Optional.empty();
        }
        if (version.isObject() && version.hasNonNull("ref")) {
            String ref = version.get("ref").asText();
            String value = versions.get(VersionCatalog.normalise(ref));
            if (value == null) {
                problems.add("'" + alias + "' refers to unknown version '" + ref + "'");
            }
            return Optional.ofNullable(value);
        }
        return richVersion(version);
    }

    /**
     * A plain version, or the most binding part of a rich one: {@code strictly}, then {@code require}, then
     * {@code prefer}.
     */
    private static Optional<String> richVersion(JsonNode version) {
        if (version.isValueNode()) {
            return Optional.of(version.asText()).filter(v -> !v.isBlank());
        }
        for (String kind : List.of("strictly", "require", "prefer")) {
            if (version.hasNonNull(kind)) {
                return Optional.of(version.get(kind).asText());
            }
        }
        return Optional.empty();
    }
}
