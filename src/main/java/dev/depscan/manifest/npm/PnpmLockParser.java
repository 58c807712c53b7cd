package dev.depscan.manifest.npm;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pnpm-lock.yaml}, lockfile versions 5.x, 6.0 and 9.0.
 *
 * <p>What each importer (a workspace project: {@code importers.<path>}, or the top level of a single-project lock
 * before 9.0) lists under {@code dependencies}, {@code devDependencies} and {@code optionalDependencies} is direct:
 * RUNTIME, DEV and OPTIONAL, the version text is the specifier and the resolved version the locked one without its
 * peer suffix ({@code 1.0.0(react@18.2.0)} in 6.0/9.0, {@code 1.0.0_react@18.2.0} in 5.x). Every key of
 * {@code packages} ({@code /name/1.2.3}, {@code /name@1.2.3}, {@code name@1.2.3}, scoped names too) is a locked
 * package, {@code direct=false}, DEV or OPTIONAL when the lock flags it so. Workspace links ({@code link:},
 * {@code workspace:}) and local {@code file:} packages are the repository's own and are left out, as are packages
 * locked from a tarball URL or Git, whose key carries no version.
 */
public final class PnpmLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "npm/pnpm-lock";

    private static final ObjectMapper YAML;
    private static final Map<String, Scope> SECTIONS = Map.of(
            "dependencies", Scope.RUNTIME, "devDependencies", Scope.DEV, "optionalDependencies", Scope.OPTIONAL);
    private static final List<String> SECTION_ORDER = List.of("dependencies", "devDependencies", "optionalDependencies");

    static {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(50);
        limits.setCodePointLimit(16 * 1024 * 1024);
        YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits).build());
    }

    public PnpmLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("pnpm-lock.yaml") || path.endsWith("/pnpm-lock.yaml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (input.text().isBlank()) {
            return ParseResult.of(List.of());
        }
        JsonNode root;
        try {
            root = YAML.readTree(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "pnpm-lock.yaml is not valid YAML"));
        }
        if (root == null || !root.isObject() || !root.has("lockfileVersion")) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "not a pnpm lock file (no lockfileVersion)"));
        }
        KeyLines lines = KeyLines.of(input.text());
        boolean slashKeys = slashKeys(root.path("lockfileVersion").asText(""));
        List<Dependency> dependencies = new ArrayList<>();
        if (root.has("importers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("importers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> importer = it.next();
                importer(importer.getValue(), "importers/" + importer.getKey() + "/", lines, input.path(), dependencies);
            }
        } else {
            importer(root, "", lines, input.path(), dependencies);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("packages").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            locked(entry.getKey(), slashKeys).ifPresent(pkg -> {
                JsonNode flags = entry.getValue();
                Scope scope = flags.path("dev").asBoolean(false) ? Scope.DEV
                        : flags.path("optional").asBoolean(false) ? Scope.OPTIONAL : Scope.RUNTIME;
                dependencies.add(new Dependency(Ecosystem.NPM, pkg.name(), Optional.of(pkg.version()),
                                                Optional.of(pkg.version()), scope, false,
                                                evidence(input.path(), lines.line("packages/" + entry.getKey()))));
            });
        }
        return ParseResult.of(dependencies);
    }

    private static void importer(JsonNode importer, String prefix, KeyLines lines, String path,
                                  List<Dependency> dependencies) {
        JsonNode specifiers = importer.path("specifiers");
        for (String section : SECTION_ORDER) {
            for (Iterator<Map.Entry<String, JsonNode>> it = importer.path(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                JsonNode value = entry.getValue();
                String locked = value.isObject() ? value.path("version").asText("") : value.asText("");
                String specifier = value.isObject() ? value.path("specifier").asText("")
                        : specifiers.path(name).asText("");
                if (local(locked) || local(specifier)) {
                    continue;
                }
                String version = withoutPeers(locked);
                Optional<String> resolved = Optional.of(version).filter(v -> !v.isEmpty() && Character.isDigit(v.charAt(0)));
                dependencies.add(new Dependency(Ecosystem.NPM, name,
                                                Optional.of(specifier.isEmpty() ? version : specifier)
                                                        .filter(v -> !v.isEmpty()),
                                                resolved, SECTIONS.get(section), true,
                                                evidence(path, lines.line(prefix + section + "/" + name))));
            }
        }
    }

    private static boolean local(String version) {
        return version.startsWith("link:") || version.startsWith("workspace:") || version.startsWith("file:");
    }

    /** {@code 1.0.0(react@18.2.0)} (6.0, 9.0) and {@code 1.0.0_react@18.2.0} (5.x) lock {@code 1.0.0}. */
    private static String withoutPeers(String version) {
        int paren = version.indexOf('(');
        String v = paren >= 0 ? version.substring(0, paren) : version;
        int underscore = v.indexOf('_');
        return (underscore > 0 ? v.substring(0, underscore) : v).strip();
    }

    /** Lockfile versions before 6.0 write package keys as {@code /name/version}, later ones as {@code name@version}. */
    private static boolean slashKeys(String lockfileVersion) {
        try {
            return Double.parseDouble(lockfileVersion.strip()) < 6;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The name and version of a {@code packages} key, empty for keys without a registry version. */
    static Optional<Locked> locked(String key, boolean slashKeys) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        String name;
        String version;
        if (slashKeys) {
            int slash = k.lastIndexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            name = k.substring(0, slash);
            version = withoutPeers(k.substring(slash + 1));
        } else {
            int paren = k.indexOf('(');
            if (paren >= 0) {
                k = k.substring(0, paren);
            }
            int at = k.lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            name = k.substring(0, at);
            version = k.substring(at + 1);
        }
        boolean wellFormedName = name.startsWith("@") ? name.indexOf('/') > 1 && name.indexOf('/') == name.lastIndexOf('/')
                : !name.isEmpty() && !name.contains("/");
        if (version.isEmpty() || !Character.isDigit(version.charAt(0)) || !wellFormedName || name.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new Locked(name, version));
    }

    private static Evidence evidence(String path, int line) {
        return new Evidence(path, line, Evidence.Kind.MANIFEST, ID);
    }

    record Locked(String name, String version) {
    }

    /**
     * The line of every block-mapping key, by its path of keys joined with {@code /}: pnpm writes its lock in block
     * style, so indentation alone gives the nesting. Flow mappings ({@code {integrity: ...}}) are values, not keys.
     */
    private static final class KeyLines {

        private final Map<String, Integer> lines = new HashMap<>();

        static KeyLines of(String text) {
            KeyLines index = new KeyLines();
            Deque<int[]> indents = new ArrayDeque<>();
            Deque<String> keys = new ArrayDeque<>();
            String[] all = text.split("\r?\n", -1);
            for (int i = 0; i < all.length; i++) {
                String line = all[i];
                String trimmed = line.stripLeading();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("- ")) {
                    continue;
                }
                int indent = line.length() - trimmed.length();
                Optional<String> key = key(trimmed);
                if (key.isEmpty()) {
                    continue;
                }
                while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                    indents.pop();
                    keys.pop();
                }
                indents.push(new int[] {indent});
                keys.push(key.get());
                List<String> path = new ArrayList<>(keys);
                java.util.Collections.reverse(path);
                index.lines.putIfAbsent(String.join("/", path), i + 1);
            }
            return index;
        }

        int line(String path) {
            return lines.getOrDefault(path, 0);
        }

        private static Optional<String> key(String trimmed) {
            if (trimmed.startsWith("'") || trimmed.startsWith("\"")) {
                int close = trimmed.indexOf(trimmed.charAt(0), 1);
                return close > 0 && trimmed.startsWith(":", close + 1)
                        ? Optional.of(trimmed.substring(1, close)) : Optional.empty();
            }
            int colon = trimmed.indexOf(": ");
            if (colon < 0 && trimmed.endsWith(":")) {
                colon = trimmed.length() - 1;
            }
            return colon > 0 ? Optional.of(trimmed.substring(0, colon)) : Optional.empty();
        }
    }
}
