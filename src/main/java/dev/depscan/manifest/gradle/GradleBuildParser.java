package dev.depscan.manifest.gradle;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.TreeReader;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Gradle build scripts, Groovy and Kotlin DSL, without running Gradle.
 *
 * <p>Accepted: {@code build.gradle(.kts)} and {@code settings.gradle(.kts)} anywhere (so {@code buildSrc/} and
 * included builds too), and precompiled script plugins, i.e. {@code *.gradle(.kts)} under a {@code src/main/kotlin/}
 * or {@code src/main/groovy/} directory, which is where {@code buildSrc/} and {@code build-logic/} keep convention
 * plugins.
 *
 * <p>Reported: every notation in a {@code dependencies { }} block (strings {@code "g:a:v[:classifier][@ext]"}, map and
 * named-argument notations, {@code platform()}/{@code enforcedPlatform()} as {@code MANAGED}, {@code kotlin("x")},
 * catalog references {@code libs.x.y} and {@code libs.bundles.x}, variables holding any of those); entries of
 * {@code constraints { }} as {@code MANAGED}; {@code buildscript} {@code classpath} as {@code BUILD}; and requests in
 * {@code plugins { }} (settings' {@code pluginManagement} included) as {@code BUILD}, named by their plugin marker
 * coordinates {@code <id>:<id>.gradle.plugin}, which is what Gradle resolves from a plugin repository. Core plugins
 * ({@code java}, {@code org.gradle.maven-publish}) and the repository's own convention plugins are not
 * dependencies. {@code project(...)}, {@code files(...)} and
 * {@code fileTree(...)} are not dependencies.
 *
 * <p>Versions are interpolated from the script's variables ({@code ext}, {@code val}, {@code extra}), scripts applied
 * with {@code apply from}, the build scripts of parent directories, {@code buildSrc} Kotlin {@code object}s,
 * {@code gradle.properties} of the directory and its parents up to the build root, and version catalogs. The catalog
 * file is not reported on its own: only what a script uses from it, with evidence at the script's line.
 */
public final class GradleBuildParser implements ManifestParser {

    static final String ID = "gradle/build";

    private static final Pattern CONVENTION_PLUGIN = Pattern.compile("(^|.*/)src/main/(kotlin|groovy)/.+\\.gradle(\\.kts)?");
    private static final Set<String> NOT_DEPENDENCIES = Set.of("project", "files", "fileTree", "gradleApi",
            "localGroovy", "gradleTestKit", "gradleKotlinDsl", "sourceSets", "zipTree", "layout", "output");
    /** Plugins that ship with Gradle: requested by id, never resolved from a repository. */
    private static final Set<String> CORE_PLUGINS = Set.of("java", "java-library", "java-platform", "application",
            "groovy", "groovy-base", "scala", "antlr", "war", "ear", "base", "distribution", "idea", "eclipse",
            "eclipse-wtp", "maven-publish", "ivy-publish", "signing", "jacoco", "jacoco-report-aggregation",
            "checkstyle", "pmd", "codenarc", "java-gradle-plugin", "java-test-fixtures", "jvm-test-suite",
            "test-report-aggregation", "version-catalog", "kotlin-dsl", "groovy-gradle-plugin", "build-dashboard",
            "project-report", "help-tasks", "reporting-base", "publishing", "wrapper", "build-init", "c", "cpp",
            "cpp-application", "cpp-library", "cpp-unit-test", "swift-application", "swift-library", "xctest",
            "visual-studio", "xcode", "assembler", "lifecycle-base", "jvm-ecosystem", "jvm-toolchains");
    /** {@code .kt} files of {@code buildSrc} read for constants, so a huge {@code buildSrc} cannot stall a scan. */
    private static final int MAX_BUILD_SRC_FILES = 64;
    private static final int MAX_NESTING = 8;

    public GradleBuildParser() {
        // Stateless: one instance serves every scan.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("build.gradle") || name.equals("build.gradle.kts")
                || name.equals("settings.gradle") || name.equals("settings.gradle.kts")
                || CONVENTION_PLUGIN.matcher(path).matches();
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> found = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        try {
            new Reading(input, found, issues).read();
        } catch (RuntimeException e) {
            issues.add(new ScanIssue(input.path(), 0, ID, "could not read the build script completely: " + e));
        }
        return new ParseResult(found, issues);
    }

    /** One parse: the script, its environment, and what was found. */
    private static final class Reading {
        private final String path;
        private final String text;
        private final TreeReader tree;
        private final Set<String> paths;
        private final List<Dependency> found;
        private final List<ScanIssue> issues;
        private final boolean kotlin;
        private final String directory;
        private final String buildRoot;
        private GradleResolver resolver;

        Reading(ManifestInput input, List<Dependency> found, List<ScanIssue> issues) {
            this.path = input.path();
            this.text = input.text();
            this.tree = input.tree();
            this.paths = new HashSet<>(tree.paths());
            this.found = found;
            this.issues = issues;
            this.kotlin = path.endsWith(".kts");
            this.directory = GradlePaths.parent(path);
            this.buildRoot = buildRoot(directory);
        }

        void read() {
            GradleScript script = GradleScript.read(text, kotlin);
            if (script.unbalancedLine() > 0) {
                issue(script.unbalancedLine(), "braces do not match; declarations after this point may be missed");
            }
            resolver = new GradleResolver(scopes(script), properties(), catalogs(), kotlin);
            for (GradleScript.Declaration declaration : script.declarations()) {
                Scope scope = scopeOf(declaration.configuration(), declaration.buildscript(), declaration.constraint());
                notation(declaration.notation(), scope, declaration.closureVersion(), declaration.line(), 0);
            }
            for (GradleScript.PluginRequest plugin : script.plugins()) {
                plugin(plugin);
            }
            found.sort(Comparator.comparingInt(d -> d.evidence().line()));
        }

        // ------------------------------------------------------------------------------------------ environment

        /** The nearest directory at or above {@code dir} with a settings script: the root of this build. */
        private String buildRoot(String dir) {
            String current = dir;
            while (true) {
                if (paths.contains(GradlePaths.join(current, "settings.gradle.kts"))
                        || paths.contains(GradlePaths.join(current, "settings.gradle"))) {
                    return current;
                }
                if (current.isEmpty()) {
                    return "";
                }
                current = GradlePaths.parent(current);
            }
        }

        private List<Map<String, GradleExpr>> scopes(GradleScript script) {
            List<Map<String, GradleExpr>> scopes = new ArrayList<>();
            scopes.add(script.variables());
            GradleResolver local = new GradleResolver(List.of(script.variables()), properties(), Map.of(), kotlin);
            scopes.addAll(applied(script, directory, local));
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith("build.gradle") && !directory.equals(buildRoot)) {
                String dir = directory;
                while (!dir.equals(buildRoot) && !dir.isEmpty()) {
                    dir = GradlePaths.parent(dir);
                    for (String candidate : List.of("build.gradle.kts", "build.gradle")) {
                        String parentScript = GradlePaths.join(dir, candidate);
                        if (paths.contains(parentScript)) {
                            GradleScript parent = GradleScript.read(tree.readText(parentScript).orElse(""),
                                    candidate.endsWith(".kts"));
                            scopes.add(parent.variables());
                            scopes.addAll(applied(parent, dir, local));
                        }
                    }
                }
            }
            scopes.add(buildSrcConstants());
            return scopes;
        }

        /** Variables of the scripts a script applies with {@code apply from:}, when they are files of the tree. */
        private List<Map<String, GradleExpr>> applied(GradleScript script, String scriptDirectory,
                                                      GradleResolver local) {
            List<Map<String, GradleExpr>> scopes = new ArrayList<>();
            Map<String, GradleExpr> locations = Map.of(
                    "rootDir", GradleExpr.Str.literal(GradlePaths.ROOT_MARK),
                    "projectDir", GradleExpr.Str.literal(GradlePaths.DIR_MARK),
                    "buildDir", GradleExpr.Str.literal(GradlePaths.DIR_MARK + "/build"));
            for (GradleExpr from : script.appliedScripts()) {
                GradleExpr location = from;
                String base = "";
                if (from instanceof GradleExpr.Call call && call.name().equals("file") && !call.args().isEmpty()) {
                    location = call.args().getFirst();
                    base = call.qualifier().contains("rootProject") ? GradlePaths.ROOT_MARK + "/" : "";
                }
                Optional<String> target = local.with(locations).eval(location)
                        .map(base::concat)
                        .flatMap(p -> GradlePaths.locate(p, scriptDirectory, buildRoot))
                        .filter(paths::contains);
                target.flatMap(tree::readText).ifPresent(t -> scopes.add(
                        GradleScript.read(t, target.get().endsWith(".kts")).variables()));
            }
            return scopes;
        }

        /** Constants of Kotlin {@code object}s in {@code buildSrc}, by qualified name ({@code Versions.kotlin}). */
        private Map<String, GradleExpr> buildSrcConstants() {
            String prefix = GradlePaths.join(buildRoot, "buildSrc/src/main/");
            Map<String, GradleExpr> constants = new LinkedHashMap<>();
            paths.stream().filter(p -> p.startsWith(prefix) && p.endsWith(".kt")).sorted().limit(MAX_BUILD_SRC_FILES)
                    .forEach(p -> tree.readText(p).ifPresent(t -> constants.putAll(
                            GradleScript.read(t, true).variables())));
            return constants;
        }

        /** {@code gradle.properties} of this directory and each parent up to the build root, nearest first. */
        private List<Map<String, String>> properties() {
            List<Map<String, String>> all = new ArrayList<>();
            String dir = directory;
            while (true) {
                tree.readText(GradlePaths.join(dir, "gradle.properties")).ifPresent(t -> all.add(load(t)));
                if (dir.equals(buildRoot) || dir.isEmpty()) {
                    return all;
                }
                dir = GradlePaths.parent(dir);
            }
        }

        private static Map<String, String> load(String text) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                return Map.of();
            }
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return map;
        }

        /** Catalogs named in the build's settings, plus the default {@code libs} from {@code gradle/libs.versions.toml}. */
        private Map<String, VersionCatalog> catalogs() {
            Map<String, String> locations = new LinkedHashMap<>();
            for (String name : List.of("settings.gradle.kts", "settings.gradle")) {
                String settings = GradlePaths.join(buildRoot, name);
                Optional<String> content = paths.contains(settings) ? tree.readText(settings) : Optional.empty();
                if (content.isEmpty()) {
                    continue;
                }
                GradleScript script = GradleScript.read(content.get(), name.endsWith(".kts"));
                GradleResolver local = new GradleResolver(List.of(script.variables()), List.of(), Map.of(), kotlin);
                script.catalogs().forEach((catalog, from) -> {
                    GradleExpr file = from instanceof GradleExpr.Call call && call.name().equals("files")
                            && !call.args().isEmpty() ? call.args().getFirst() : from;
                    local.eval(file).flatMap(p -> GradlePaths.locate(p, buildRoot, buildRoot))
                            .ifPresent(p -> locations.put(catalog, p));
                });
            }
            String defaultCatalog = GradlePaths.join(buildRoot, "gradle/libs.versions.toml");
            if (!locations.containsKey("libs") && paths.contains(defaultCatalog)) {
                locations.put("libs", defaultCatalog);
            }
            Map<String, VersionCatalog> catalogs = new LinkedHashMap<>();
            locations.forEach((name, location) -> tree.readText(location).ifPresent(toml -> {
                List<String> problems = new ArrayList<>();
                try {
                    catalogs.put(name, GradleVersionCatalogParser.parse(location, toml, problems));
                } catch (GradleVersionCatalogParser.CatalogException e) {
                    issues.add(new ScanIssue(location, 0, ID, e.getMessage()));
                }
                problems.forEach(p -> issues.add(new ScanIssue(location, 0, ID, p)));
            }));
            return catalogs;
        }

        // ------------------------------------------------------------------------------------------ notations

        private void notation(GradleExpr notation, Scope scope, Optional<GradleExpr> closureVersion, int line,
                              int nesting) {
            if (nesting > MAX_NESTING) {
                issue(line, "dependency notation nests too deeply");
                return;
            }
            switch (notation) {
                case GradleExpr.Str str -> coordinates(resolver.render(str), scope, closureVersion, line);
                case GradleExpr.Concat concat -> coordinates(resolver.render(concat), scope, closureVersion, line);
                case GradleExpr.MapLit map -> map(map.entries(), scope, closureVersion, line);
                case GradleExpr.ListLit list -> list.items()
                        .forEach(item -> notation(item, scope, closureVersion, line, nesting + 1));
                case GradleExpr.Call call -> call(call, scope, closureVersion, line, nesting);
                case GradleExpr.Ref ref -> reference(ref, scope, closureVersion, line, nesting);
                case GradleExpr.Unknown unknown -> {
                    // A computed notation (a function of the build's own): nothing the scanner can read.
                }
            }
        }

        private void call(GradleExpr.Call call, Scope scope, Optional<GradleExpr> closureVersion, int line,
                          int nesting) {
            switch (call.name()) {
                case "platform", "enforcedPlatform" -> call.args().forEach(
                        arg -> notation(arg, Scope.MANAGED, closureVersion, line, nesting + 1));
                case "testFixtures", "variantOf" -> call.args().stream().limit(1).forEach(
                        arg -> notation(arg, scope, closureVersion, line, nesting + 1));
                case "kotlin" -> {
                    if (call.args().isEmpty()) {
                        return;
                    }
                    String module = resolver.render(call.args().getFirst());
                    String version = call.args().size() > 1 ? resolver.render(call.args().get(1))
                            : call.named().containsKey("version") ? resolver.render(call.named().get("version")) : "";
                    coordinates("org.jetbrains.kotlin:kotlin-" + module + (version.isEmpty() ? "" : ":" + version),
                            scope, closureVersion, line);
                }
                case "listOf", "setOf", "arrayOf" -> call.args().forEach(
                        arg -> notation(arg, scope, closureVersion, line, nesting + 1));
                default -> {
                    if (!NOT_DEPENDENCIES.contains(call.name()) && !call.named().isEmpty()
                            && call.named().containsKey("name")) {
                        map(call.named(), scope, closureVersion, line);
                    }
                }
            }
        }

        private void reference(GradleExpr.Ref ref, Scope scope, Optional<GradleExpr> closureVersion, int line,
                               int nesting) {
            String first = ref.path().getFirst();
            if (first.equals("projects")) {
                return; // type-safe project accessor: a module of this build
            }
            if (resolver.catalogs().containsKey(first) && ref.path().size() > 1) {
                catalogEntry(resolver.catalogs().get(first), ref, scope, closureVersion, line);
                return;
            }
            Optional<GradleExpr> value = resolver.lookup(ref);
            if (value.isPresent()) {
                notation(value.get(), scope, closureVersion, line, nesting + 1);
            } else if (first.equals("libs") && ref.path().size() > 1) {
                issue(line, "no version catalog 'libs' in the repository for '" + ref.joined() + "'");
            } else {
                issue(line, "cannot resolve dependency notation '" + ref.joined() + "'");
            }
        }

        private void catalogEntry(VersionCatalog catalog, GradleExpr.Ref ref, Scope scope,
                                  Optional<GradleExpr> closureVersion, int line) {
            List<String> rest = ref.path().subList(1, ref.path().size());
            if (rest.getFirst().equals("bundles") && rest.size() > 1) {
                String alias = VersionCatalog.normalise(String.join(".", rest.subList(1, rest.size())));
                List<String> members = catalog.bundles().get(alias);
                if (members == null) {
                    issue(line, "no bundle '" + alias + "' in '" + catalog.path() + "'");
                    return;
                }
                members.forEach(member -> library(catalog, member, scope, closureVersion, line));
            } else if (!rest.getFirst().equals("plugins") && !rest.getFirst().equals("versions")) {
                library(catalog, VersionCatalog.normalise(String.join(".", rest)), scope, closureVersion, line);
            }
        }

        private void library(VersionCatalog catalog, String alias, Scope scope, Optional<GradleExpr> closureVersion,
                             int line) {
            VersionCatalog.Library library = catalog.libraries().get(alias);
            if (library == null) {
                issue(line, "no library '" + alias + "' in '" + catalog.path() + "'");
                return;
            }
            Optional<String> version = library.version().or(() -> closureVersion.map(resolver::render));
            add(library.group() + ":" + library.artifact(), version, scope, line);
        }

        /** Map notation: {@code group: 'g', name: 'a', version: 'v'} or Kotlin named arguments. */
        private void map(Map<String, GradleExpr> entries, Scope scope, Optional<GradleExpr> closureVersion,
                         int line) {
            GradleExpr group = entries.get("group");
            GradleExpr name = entries.get("name");
            if (name == null) {
                return;
            }
            String rendered = (group == null ? "" : resolver.render(group)) + ":" + resolver.render(name);
            GradleExpr version = entries.get("version");
            if (version != null) {
                rendered += ":" + resolver.render(version).replace(":", "");
            }
            coordinates(rendered, scope, closureVersion, line);
        }

        /** A rendered {@code group:artifact[:version[:classifier]][@extension]}. */
        private void coordinates(String rendered, Scope scope, Optional<GradleExpr> closureVersion, int line) {
            List<String> atSplit = GradleResolver.split(rendered, '@');
            String withoutExtension = atSplit.size() > 1
                    ? rendered.substring(0, rendered.length() - atSplit.getLast().length() - 1) : rendered;
            List<String> parts = GradleResolver.split(withoutExtension, ':');
            if (parts.size() < 2 || parts.get(0).isBlank() || parts.get(1).isBlank()) {
                issue(line, "'" + GradleResolver.raw(rendered) + "' is not a group:artifact[:version] notation");
                return;
            }
            if (GradleResolver.unresolved(parts.get(0)) || GradleResolver.unresolved(parts.get(1))) {
                issue(line, "cannot resolve the group or artifact of '" + GradleResolver.raw(rendered) + "'");
                return;
            }
            Optional<String> version = parts.size() > 2 && !parts.get(2).isBlank()
                    ? Optional.of(parts.get(2))
                    : closureVersion.map(resolver::render);
            add(parts.get(0).trim() + ":" + parts.get(1).trim(), version, scope, line);
        }

        private void plugin(GradleScript.PluginRequest request) {
            String id;
            Optional<String> version = request.version().map(resolver::render);
            int line = request.line();
            switch (request.plugin()) {
                case GradleExpr.Call call when call.name().equals("kotlin") && !call.args().isEmpty() ->
                        id = "org.jetbrains.kotlin." + resolver.render(call.args().getFirst());
                case GradleExpr.Ref ref when ref.path().size() > 2 && ref.path().get(1).equals("plugins")
                        && resolver.catalogs().containsKey(ref.path().getFirst()) -> {
                    VersionCatalog catalog = resolver.catalogs().get(ref.path().getFirst());
                    String alias = VersionCatalog.normalise(String.join(".", ref.path().subList(2, ref.path().size())));
                    VersionCatalog.Plugin plugin = catalog.plugins().get(alias);
                    if (plugin == null) {
                        issue(line, "no plugin '" + alias + "' in '" + catalog.path() + "'");
                        return;
                    }
                    id = plugin.id();
                    version = version.or(plugin::version);
                }
                default -> id = resolver.render(request.plugin());
            }
            if (GradleResolver.unresolved(id)) {
                issue(line, "cannot resolve the plugin id '" + GradleResolver.raw(id) + "'");
                return;
            }
            if (CORE_PLUGINS.contains(id) || CORE_PLUGINS.contains(id.replaceFirst("^org\\.gradle\\.", ""))
                    || isLocalPlugin(id)) {
                return; // ships with Gradle, or is a convention plugin of this repository
            }
            add(id + ":" + id + ".gradle.plugin", version, Scope.BUILD, line);
        }

        /** A precompiled script plugin of this repository: {@code <id>.gradle(.kts)} under {@code src/main/}. */
        private boolean isLocalPlugin(String id) {
            return paths.stream().anyMatch(p -> (p.endsWith("/" + id + ".gradle.kts") || p.endsWith("/" + id + ".gradle"))
                    && CONVENTION_PLUGIN.matcher(p).matches());
        }

        private void add(String name, Optional<String> rendered, Scope scope, int line) {
            Optional<String> version = rendered.map(GradleResolver::raw).map(String::trim).filter(v -> !v.isEmpty());
            Optional<String> resolved = rendered.filter(v -> !GradleResolver.unresolved(v)).map(String::trim)
                    .filter(GradleResolver::isConcrete);
            found.add(new Dependency(Ecosystem.MAVEN, name, version, resolved, scope, true,
                    new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }

        private void issue(int line, String message) {
            issues.add(new ScanIssue(path, line, ID, message));
        }
    }

    /**
     * The scope a configuration name implies. Annotation processors ({@code kapt*}, {@code ksp*},
     * {@code *annotationProcessor}) run at build time only, so they are {@code BUILD} even for tests; then any name
     * containing {@code test} is {@code TEST}; {@code compileOnly} and its variants are {@code PROVIDED}; everything
     * else, custom configurations included, is {@code RUNTIME}.
     */
    static Scope scopeOf(String configuration, boolean buildscript, boolean constraint) {
        if (constraint) {
            return Scope.MANAGED;
        }
        String name = configuration.toLowerCase(Locale.ROOT);
        if (buildscript || name.equals("classpath")) {
            return Scope.BUILD;
        }
        if (name.startsWith("kapt") || name.startsWith("ksp") || name.contains("annotationprocessor")) {
            return Scope.BUILD;
        }
        if (name.contains("test")) {
            return Scope.TEST;
        }
        if (name.endsWith("compileonly") || name.equals("providedcompile") || name.equals("providedruntime")) {
            return Scope.PROVIDED;
        }
        return Scope.RUNTIME;
    }
}
