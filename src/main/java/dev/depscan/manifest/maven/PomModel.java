package dev.depscan.manifest.maven;

import dev.depscan.manifest.xml.XmlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A POM seen through its in-repository parents, the way Maven builds the effective model: properties are inherited
 * (the child wins), {@code ${...}} is interpolated against the child, and managed versions come from this POM, then its
 * parents, then the BOMs they import.
 */
final class PomModel {

    /** Nested {@code ${...}} hops followed before giving up, which also stops self-referencing properties. */
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    /**
     * A {@code <dependencyManagement>} entry.
     *
     * @param version the managed version, interpolated when possible
     * @param scope   the managed scope, if any
     */
    record Managed(Optional<String> version, Optional<String> scope) {
        Managed {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(scope, "scope");
        }
    }

    private final List<Pom> chain;
    private final PomResolver resolver;
    private final int depth;
    private final Map<String, String> properties;
    private Map<String, Managed> managedDependencies;
    private Map<String, String> managedPlugins;
    private boolean computingManagement;

    PomModel(List<Pom> chain, PomResolver resolver, int depth) {
        this.chain = List.copyOf(chain);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.depth = depth;
        this.properties = mergeProperties(this.chain);
    }

    private PomModel(PomModel base, Map<String, String> overlay) {
        this.chain = base.chain;
        this.resolver = base.resolver;
        this.depth = base.depth;
        Map<String, String> merged = new HashMap<>(base.properties);
        overlay.forEach((k, v) -> {
            if (!k.startsWith("project.") && !k.startsWith("pom.")) {
                merged.put(k, v);
            }
        });
        this.properties = Collections.unmodifiableMap(merged);
    }

    /** The same model with extra properties (an active profile's), which win over inherited ones. */
    PomModel withProperties(Map<String, String> overlay) {
        return overlay.isEmpty() ? this : new PomModel(this, overlay);
    }

    Pom pom() {
        return chain.getFirst();
    }

    private static Map<String, String> mergeProperties(List<Pom> chain) {
        Map<String, String> merged = new HashMap<>();
        for (Pom pom : chain.reversed()) {
            merged.putAll(pom.properties());
        }
        Pom self = chain.getFirst();
        Map<String, String> model = new HashMap<>();
        self.groupId().ifPresent(g -> model.put("groupId", g));
        model.put("artifactId", self.artifactId());
        self.version().ifPresent(v -> model.put("version", v));
        self.parent().ifPresent(p -> {
            model.put("parent.groupId", p.groupId());
            model.put("parent.artifactId", p.artifactId());
            p.version().ifPresent(v -> model.put("parent.version", v));
        });
        // Model values win over properties, under both the current and the legacy prefix.
        model.forEach((k, v) -> {
            merged.put("project." + k, v);
            merged.put("pom." + k, v);
        });
        return Collections.unmodifiableMap(merged);
    }

    /** The text with every {@code ${...}} replaced, or empty when one of them is unknown here. */
    Optional<String> interpolate(String raw) {
        return interpolate(raw, 0);
    }

    /** The interpolated text when interpolation succeeds, else the raw text. */
    String render(String raw) {
        return interpolate(raw).orElse(raw);
    }

    private Optional<String> interpolate(String raw, int level) {
        if (!raw.contains("${")) {
            return Optional.of(raw);
        }
        if (level >= MAX_INTERPOLATION_DEPTH) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int start = raw.indexOf("${", from);
            if (start < 0) {
                out.append(raw, from, raw.length());
                return Optional.of(out.toString());
            }
            int end = raw.indexOf('}', start);
            if (end < 0) {
                return Optional.empty();
            }
            String value = properties.get(raw.substring(start + 2, end).trim());
            if (value == null) {
                return Optional.empty();
            }
            Optional<String> resolved = interpolate(value, level + 1);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            out.append(raw, from, start).append(resolved.get());
            from = end + 1;
        }
    }

    boolean managementReady() {
        return !computingManagement;
    }

    /** {@code groupId:artifactId} to its managed version and scope, nearest declaration first. */
    Map<String, Managed> managedDependencies() {
        if (managedDependencies != null) {
            return managedDependencies;
        }
        computingManagement = true;
        Map<String, Managed> managed = new LinkedHashMap<>();
        List<String[]> imports = new ArrayList<>();
        for (Pom pom : chain) {
            for (XmlNode dependency : dependencyManagementOf(pom.project())) {
                collectManaged(dependency, managed, imports);
            }
        }
        for (String[] imported : imports) {
            resolver.importedManagement(imported[0], imported[1], pom().path(), depth).forEach(managed::putIfAbsent);
        }
        computingManagement = false;
        managedDependencies = Collections.unmodifiableMap(managed);
        return managedDependencies;
    }

    /** Managed entries of one profile's {@code <dependencyManagement>}, which win over the model's own. */
    Map<String, Managed> managedDependencies(XmlNode profile) {
        Map<String, Managed> managed = new LinkedHashMap<>();
        List<String[]> imports = new ArrayList<>();
        for (XmlNode dependency : dependencyManagementOf(profile)) {
            collectManaged(dependency, managed, imports);
        }
        for (String[] imported : imports) {
            resolver.importedManagement(imported[0], imported[1], pom().path(), depth).forEach(managed::putIfAbsent);
        }
        managedDependencies().forEach(managed::putIfAbsent);
        return managed;
    }

    private void collectManaged(XmlNode dependency, Map<String, Managed> managed, List<String[]> imports) {
        Optional<String> group = dependency.childText("groupId").flatMap(this::interpolate);
        Optional<String> artifact = dependency.childText("artifactId").flatMap(this::interpolate);
        if (group.isEmpty() || artifact.isEmpty()) {
            return;
        }
        Optional<String> scope = dependency.childText("scope").map(this::render);
        if (scope.filter("import"::equals).isPresent()) {
            imports.add(new String[] {group.get(), artifact.get()});
            return;
        }
        managed.putIfAbsent(group.get() + ":" + artifact.get(),
                new Managed(dependency.childText("version").map(this::render), scope));
    }

    private static List<XmlNode> dependencyManagementOf(XmlNode owner) {
        return owner.child("dependencyManagement", "dependencies").map(d -> d.children("dependency"))
                .orElse(List.of());
    }

    /** {@code groupId:artifactId} of each plugin in {@code <pluginManagement>} of this POM and its parents. */
    Map<String, String> managedPlugins() {
        if (managedPlugins != null) {
            return managedPlugins;
        }
        Map<String, String> managed = new LinkedHashMap<>();
        for (Pom pom : chain) {
            List<XmlNode> plugins = pom.project().child("build", "pluginManagement", "plugins")
                    .map(p -> p.children("plugin")).orElse(List.of());
            for (XmlNode plugin : plugins) {
                Optional<String> version = plugin.childText("version");
                Optional<String> artifact = plugin.childText("artifactId").flatMap(this::interpolate);
                if (version.isPresent() && artifact.isPresent()) {
                    String group = plugin.childText("groupId").map(this::render).orElse(MavenPomParser.PLUGIN_GROUP);
                    managed.putIfAbsent(group + ":" + artifact.get(), render(version.get()));
                }
            }
        }
        managedPlugins = Collections.unmodifiableMap(managed);
        return managedPlugins;
    }
}
