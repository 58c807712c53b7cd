package dev.depscan.manifest.maven;

import dev.depscan.manifest.xml.SafeXml;

import dev.depscan.scan.spi.TreePaths;
import dev.depscan.scan.spi.TreeReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the other POMs of the repository that one POM builds on: parents (by {@code <relativePath>}, then by
 * coordinates) and imported BOMs (by coordinates). Everything outside the repository is simply not found; nothing is
 * ever downloaded. One resolver serves one parse call and caches what it read.
 */
final class PomResolver {

    /** Parent and import hops followed from one POM; real builds need three or four. */
    static final int MAX_DEPTH = 12;
    /** POMs parsed when searching the tree by coordinates, so one parse stays bounded in a huge monorepo. */
    static final int MAX_CANDIDATES = 400;

    private final TreeReader tree;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Optional<Pom>> loaded = new HashMap<>();
    private final Map<String, PomModel> models = new HashMap<>();
    private List<String> pomPaths;

    PomResolver(TreeReader tree) {
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /** Problems met in other POMs (malformed parent, parent cycle), to report against the POM being parsed. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The model of a POM: its in-repository parent chain, merged properties and managed versions. */
    PomModel model(Pom pom) {
        return model(pom, 0);
    }

    PomModel model(Pom pom, int depth) {
        PomModel cached = models.get(pom.path());
        if (cached != null) {
            return cached;
        }
        List<Pom> chain = new ArrayList<>();
        chain.add(pom);
        Set<String> seen = new HashSet<>();
        seen.add(pom.path());
        Pom current = pom;
        while (chain.size() <= MAX_DEPTH) {
            Optional<Pom> parent = parentOf(current);
            if (parent.isEmpty()) {
                break;
            }
            if (!seen.add(parent.get().path())) {
                problems.add("parent chain of '" + pom.path() + "' loops at '" + parent.get().path() + "'");
                break;
            }
            chain.add(parent.get());
            current = parent.get();
        }
        PomModel model = new PomModel(chain, this, depth);
        models.put(pom.path(), model);
        return model;
    }

    /** The parent POM inside the repository: first the one at {@code <relativePath>}, then any with its coordinates. */
    Optional<Pom> parentOf(Pom child) {
        if (child.parent().isEmpty()) {
            return Optional.empty();
        }
        Pom.Parent parent = child.parent().get();
        String relative = parent.relativePath().orElse("../pom.xml");
        if (!relative.isBlank()) {
            String candidate = relative.endsWith(".xml") ? relative : relative + "/pom.xml";
            Optional<Pom> byPath = resolve(child.directory(), candidate).flatMap(this::load)
                    .filter(p -> p.is(parent.groupId(), parent.artifactId()));
            if (byPath.isPresent()) {
                return byPath;
            }
        }
        return findByCoordinates(parent.groupId(), parent.artifactId(), child.path());
    }

    /** A POM of the repository with these coordinates, other than {@code excludedPath}. */
    Optional<Pom> findByCoordinates(String groupId, String artifactId, String excludedPath) {
        if (groupId.isEmpty() || artifactId.isEmpty()) {
            return Optional.empty();
        }
        // Modules usually live in a directory named after their artifactId: try those first.
        List<String> candidates = pomPaths().stream()
                .filter(p -> !p.equals(excludedPath))
                .sorted(Comparator.comparing(p -> !directoryName(p).equals(artifactId)))
                .limit(MAX_CANDIDATES)
                .toList();
        for (String path : candidates) {
            Optional<Pom> pom = loadIfMentions(path, artifactId);
            if (pom.isPresent() && pom.get().is(groupId, artifactId)) {
                return pom;
            }
        }
        return Optional.empty();
    }

    private Optional<Pom> loadIfMentions(String path, String artifactId) {
        if (loaded.containsKey(path)) {
            return loaded.get(path);
        }
        Optional<String> text = tree.readText(path);
        if (text.isEmpty() || !text.get().contains(artifactId)) {
            return Optional.empty();
        }
        return load(path, text.get());
    }

    Optional<Pom> load(String path) {
        if (loaded.containsKey(path)) {
            return loaded.get(path);
        }
        Optional<String> text = tree.readText(path);
        if (text.isEmpty()) {
            loaded.put(path, Optional.empty());
            return Optional.empty();
        }
        return load(path, text.get());
    }

    private Optional<Pom> load(String path, String text) {
        Optional<Pom> pom;
        try {
            pom = Optional.of(Pom.parse(path, text));
        } catch (SafeXml.MalformedXmlException e) {
            problems.add("'" + path + "' could not be read: " + e.getMessage());
            pom = Optional.empty();
        }
        loaded.put(path, pom);
        return pom;
    }

    /** Registers the POM being parsed so lookups by coordinates find the already parsed instance. */
    void remember(Pom pom) {
        loaded.put(pom.path(), Optional.of(pom));
    }

    private List<String> pomPaths() {
        if (pomPaths == null) {
            pomPaths = tree.paths().stream().filter(MavenPomParser::isPom).toList();
        }
        return pomPaths;
    }

    private static String directoryName(String path) {
        String[] parts = path.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    /**
     * Joins a relative path to a directory and normalises it; empty when it is absolute or leaves the repository,
     * so a POM can never make the scanner read outside the tree.
     */
    static Optional<String> resolve(String directory, String relative) {
        return TreePaths.resolve(directory, relative);
    }

    /** Managed entries of the BOMs imported by a model, looked up in the repository. */
    Map<String, PomModel.Managed> importedManagement(String groupId, String artifactId, String importerPath,
                                                     int depth) {
        if (depth >= MAX_DEPTH) {
            problems.add("BOM imports nest deeper than " + MAX_DEPTH + " at '" + importerPath + "'");
            return Map.of();
        }
        Optional<Pom> bom = findByCoordinates(groupId, artifactId, importerPath);
        if (bom.isEmpty()) {
            return Map.of();
        }
        if (models.containsKey(bom.get().path()) && !models.get(bom.get().path()).managementReady()) {
            problems.add("BOM import cycle through '" + bom.get().path() + "'");
            return Map.of();
        }
        return new LinkedHashMap<>(model(bom.get(), depth + 1).managedDependencies());
    }
}
