package dev.depscan.manifest.npm;

import dev.depscan.manifest.json.BoundedJson;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfile versions 1, 2 and 3: every installed package
 * with its exact version.
 *
 * <p>Versions 2 and 3 list packages by install path ({@code node_modules/a}, {@code node_modules/a/node_modules/b});
 * the name is the part after the last {@code node_modules/}. Workspace folders and {@code link} entries are the
 * repository's own packages and are left out. A top-level package that the root lists among its dependencies is
 * {@code direct}, and its version text is the root's specifier ({@code ^18.3.1}); all others are {@code direct=false}
 * with the locked version as text. Version 1 ({@code dependencies}, nested) says nothing about the
 * root, so its entries are all {@code direct=false}. Scopes come from the {@code dev}, {@code optional} and
 * {@code peer} flags.
 */
public final class PackageLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "npm/package-lock";

    private static final String NODE_MODULES = "node_modules/";
    private static final List<String> ROOT_SECTIONS =
            List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");

    public PackageLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("package-lock.json") || name.equals("npm-shrinkwrap.json");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        JsonNode root;
        try {
            root = BoundedJson.MAPPER.readTree(input.text());
        } catch (StreamConstraintsException e) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "the lock file nests deeper than "
                                                                         + BoundedJson.MAX_NESTING + " levels"));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "the lock file is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "the lock file is not a JSON object"));
        }
        Lines lines = new Lines(input.text());
        List<Dependency> dependencies = new ArrayList<>();
        if (root.has("packages")) {
            Map<String, String> specifiers = new HashMap<>();
            JsonNode project = root.path("packages").path("");
            ROOT_SECTIONS.forEach(section -> project.path(section).fields().forEachRemaining(
                    e -> specifiers.putIfAbsent(e.getKey(), e.getValue().asText(""))));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("packages").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                int at = key.lastIndexOf(NODE_MODULES);
                JsonNode pkg = entry.getValue();
                if (at < 0 || pkg.path("link").asBoolean(false) || !pkg.path("version").isTextual()) {
                    continue;
                }
                String name = key.substring(at + NODE_MODULES.length());
                boolean topLevel = at == 0 && !name.contains("/" + NODE_MODULES);
                Optional<String> specifier = topLevel ? Optional.ofNullable(specifiers.get(name)) : Optional.empty();
                add(dependencies, input.path(), name, pkg, specifier, lines.after("\"" + key + "\""));
            }
        } else {
            legacy(root.path("dependencies"), input.path(), lines, dependencies);
        }
        return new ParseResult(dependencies, List.of());
    }

    /** Lockfile version 1: {@code dependencies}, each possibly with nested {@code dependencies}. */
    private static void legacy(JsonNode tree, String path, Lines lines, List<Dependency> dependencies) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode pkg = entry.getValue();
            int line = lines.after("\"" + entry.getKey() + "\"");
            if (pkg.path("version").isTextual() && !pkg.path("version").asText().startsWith("file:")) {
                add(dependencies, path, entry.getKey(), pkg, Optional.empty(), line);
            }
            legacy(pkg.path("dependencies"), path, lines, dependencies);
        }
    }

    /** {@code specifier} is present for a top-level package the root lists: a direct one, declared with it. */
    private static void add(List<Dependency> dependencies, String path, String name, JsonNode pkg,
                            Optional<String> specifier, int line) {
        String version = pkg.path("version").asText();
        boolean direct = specifier.isPresent();
        Scope scope = pkg.path("dev").asBoolean(false) || pkg.path("devOptional").asBoolean(false) ? Scope.DEV
                : pkg.path("optional").asBoolean(false) ? Scope.OPTIONAL
                : pkg.path("peer").asBoolean(false) ? Scope.PEER
                : Scope.RUNTIME;
        dependencies.add(new Dependency(Ecosystem.NPM, name, specifier.filter(s -> !s.isBlank()).or(() -> Optional.of(version)),
                Optional.of(version), scope, direct,
                new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }

    /**
     * Finds entry keys in file order, each search starting at the previous find; {@code "name": {} is preferred over
     * a bare {@code "name":}, which also appears in {@code requires} maps.
     */
    private static final class Lines {

        private final String text;
        private int offset;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int after(String key) {
            int found = text.indexOf(key + ": {", offset);
            if (found < 0) {
                found = text.indexOf(key + ":", offset);
            }
            if (found < 0) {
                return 0;
            }
            for (int i = offset; i < found; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            offset = found;
            return line;
        }
    }
}
