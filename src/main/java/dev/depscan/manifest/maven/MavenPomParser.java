package dev.depscan.manifest.maven;

import dev.depscan.manifest.xml.SafeXml;
import dev.depscan.manifest.xml.XmlNode;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code pom.xml}: what a Maven module declares, with versions as far as the repository itself determines them.
 *
 * <p>Reported, each with the line of its element:
 * <ul>
 *   <li>{@code <dependencies>}: compile and runtime as {@code RUNTIME}, {@code test} as {@code TEST},
 *       {@code provided} and {@code system} as {@code PROVIDED}; {@code <optional>true} turns {@code RUNTIME} into
 *       {@code OPTIONAL}. A dependency without a scope takes the managed scope, if any.</li>
 *   <li>{@code <dependencyManagement>} entries, imported BOMs included, as {@code MANAGED}.</li>
 *   <li>Plugins of {@code <build>}, {@code <pluginManagement>} and {@code <reporting>}, plugin dependencies and build
 *       extensions as {@code BUILD}; a plugin's groupId defaults to {@code org.apache.maven.plugins}.</li>
 *   <li>The {@code <parent>} as {@code BUILD}: it shapes the build (plugins, properties, managed versions) without
 *       being on any class path.</li>
 *   <li>All of the above inside {@code <profiles>}, interpolated with the profile's properties.</li>
 * </ul>
 * {@code <modules>} are not dependencies. {@code version} is the declared text after interpolation, or the raw text
 * when a property is unknown; a versionless dependency takes the managed version of this POM, its parents inside the
 * repository and the BOMs they import from inside the repository. {@code resolvedVersion} is set only for a concrete
 * version (no range, no unresolved property, not {@code LATEST}/{@code RELEASE}). Managed entries are matched on
 * {@code groupId:artifactId} only, ignoring type and classifier.
 */
public final class MavenPomParser implements ManifestParser {

    static final String ID = "maven/pom";
    static final String PLUGIN_GROUP = "org.apache.maven.plugins";

    public MavenPomParser() {
        // Stateless: one instance serves every scan.
    }

    @Override
    public String id() {
        return ID;
    }

    /** Only files named {@code pom.xml}; published {@code *.pom} files are not sources of a build. */
    @Override
    public boolean accepts(String path) {
        return isPom(path);
    }

    static boolean isPom(String path) {
        return path.equals("pom.xml") || path.endsWith("/pom.xml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Pom pom;
        try {
            pom = Pom.parse(input.path(), input.text());
        } catch (SafeXml.MalformedXmlException e) {
            return ParseResult.failed(new ScanIssue(input.path(), e.line(), ID, e.getMessage()));
        }
        List<ScanIssue> issues = new ArrayList<>();
        List<Dependency> found = new ArrayList<>();
        PomResolver resolver = new PomResolver(input.tree());
        resolver.remember(pom);
        try {
            new Reader(input.path(), resolver.model(pom), found, issues).read();
        } catch (RuntimeException e) {
            issues.add(new ScanIssue(input.path(), 0, ID, "could not read the POM completely: " + e.getMessage()));
        }
        resolver.problems().forEach(p -> issues.add(new ScanIssue(input.path(), 0, ID, p)));
        found.sort(Comparator.comparingInt(d -> d.evidence().line()));
        return new ParseResult(found, issues);
    }

    /** Walks one POM's sections and turns each declaration into a {@link Dependency}. */
    private static final class Reader {
        private final String path;
        private final PomModel model;
        private final List<Dependency> found;
        private final List<ScanIssue> issues;

        Reader(String path, PomModel model, List<Dependency> found, List<ScanIssue> issues) {
            this.path = path;
            this.model = model;
            this.found = found;
            this.issues = issues;
        }

        void read() {
            XmlNode project = model.pom().project();
            model.pom().parent().ifPresent(parent -> add(model, parent.groupId(), parent.artifactId(),
                    parent.version().map(model::render), Scope.BUILD, parent.line()));
            readSections(model, project, model.managedDependencies());
            for (XmlNode profile : project.items("profiles", "profile")) {
                Map<String, String> overlay = profile.child("properties")
                        .map(props -> props.childNames().stream()
                                .collect(Collectors.toMap(n -> n, n -> props.childText(n).orElse(""),
                                        (a, b) -> a)))
                        .orElse(Map.of());
                PomModel profileModel = model.withProperties(overlay);
                readSections(profileModel, profile, profileModel.managedDependencies(profile));
            }
        }

        /** The sections a {@code <project>} and a {@code <profile>} have in common. */
        private void readSections(PomModel context, XmlNode owner, Map<String, PomModel.Managed> managed) {
            for (XmlNode dependency : owner.child("dependencyManagement", "dependencies")
                    .map(d -> d.children("dependency")).orElse(List.of())) {
                dependency(context, dependency, Optional.empty(), true);
            }
            for (XmlNode dependency : owner.items("dependencies", "dependency")) {
                dependency(context, dependency, Optional.ofNullable(managed.get(key(context, dependency))), false);
            }
            Optional<XmlNode> build = owner.child("build");
            build.flatMap(b -> b.child("pluginManagement", "plugins"))
                    .ifPresent(plugins -> plugins.children("plugin").forEach(p -> plugin(context, p)));
            build.flatMap(b -> b.child("plugins")).ifPresent(plugins -> plugins.children("plugin")
                    .forEach(p -> plugin(context, p)));
            build.map(b -> b.items("extensions", "extension")).orElse(List.of())
                    .forEach(e -> coordinates(context, e, Optional.empty(), Scope.BUILD));
            owner.child("reporting", "plugins").ifPresent(plugins -> plugins.children("plugin")
                    .forEach(p -> plugin(context, p)));
        }

        private static String key(PomModel context, XmlNode dependency) {
            return context.render(dependency.childText("groupId").orElse("")) + ":"
                    + context.render(dependency.childText("artifactId").orElse(""));
        }

        private void dependency(PomModel context, XmlNode dependency, Optional<PomModel.Managed> managed,
                                boolean management) {
            Optional<String> declaredScope = dependency.childText("scope").map(context::render);
            Optional<String> scopeText = declaredScope.or(() -> managed.flatMap(PomModel.Managed::scope));
            Scope scope;
            if (management) {
                scope = Scope.MANAGED;
            } else {
                scope = scopeOf(scopeText.orElse("compile"));
                boolean optional = dependency.childText("optional").map(context::render).map("true"::equals)
                        .orElse(false);
                if (optional && scope == Scope.RUNTIME) {
                    scope = Scope.OPTIONAL;
                }
            }
            Optional<String> version = dependency.childText("version").map(context::render)
                    .or(() -> managed.flatMap(PomModel.Managed::version));
            coordinates(context, dependency, version, scope);
        }

        private void plugin(PomModel context, XmlNode plugin) {
            String group = plugin.childText("groupId").orElse(PLUGIN_GROUP);
            String artifact = plugin.childText("artifactId").orElse("");
            Optional<String> version = plugin.childText("version").map(context::render)
                    .or(() -> Optional.ofNullable(context.managedPlugins()
                            .get(context.render(group) + ":" + context.render(artifact))));
            add(context, group, artifact, version, Scope.BUILD, plugin.line());
            for (XmlNode dependency : plugin.items("dependencies", "dependency")) {
                coordinates(context, dependency, dependency.childText("version").map(context::render), Scope.BUILD);
            }
        }

        private void coordinates(PomModel context, XmlNode element, Optional<String> version, Scope scope) {
            add(context, element.childText("groupId").orElse(""), element.childText("artifactId").orElse(""),
                    version, scope, element.line());
        }

        private void add(PomModel context, String rawGroup, String rawArtifact, Optional<String> version, Scope scope,
                         int line) {
            Optional<String> group = context.interpolate(rawGroup).filter(g -> !g.isBlank());
            Optional<String> artifact = context.interpolate(rawArtifact).filter(a -> !a.isBlank());
            if (group.isEmpty() || artifact.isEmpty()) {
                issues.add(new ScanIssue(path, line, ID, "cannot tell the groupId and artifactId of '"
                        + rawGroup + ":" + rawArtifact + "'"));
                return;
            }
            found.add(new Dependency(Ecosystem.MAVEN, group.get() + ":" + artifact.get(), version,
                    version.filter(MavenPomParser::isConcrete), scope, true,
                    new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }
    }

    static Scope scopeOf(String scope) {
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "test" -> Scope.TEST;
            case "provided", "system" -> Scope.PROVIDED;
            case "import" -> Scope.MANAGED;
            default -> Scope.RUNTIME;
        };
    }

    /** A version that names exactly one release: no range, no unresolved property, no moving target. */
    static boolean isConcrete(String version) {
        return !version.isBlank()
                && !version.contains("${")
                && !version.startsWith("[") && !version.startsWith("(")
                && !version.contains(",")
                && !version.equals("LATEST") && !version.equals("RELEASE");
    }
}
