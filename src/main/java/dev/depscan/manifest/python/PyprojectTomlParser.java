package dev.depscan.manifest.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.depscan.manifest.toml.TomlDepth;
import dev.depscan.manifest.toml.TomlLines;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pyproject.toml} in all the dialects projects use to declare dependencies.
 *
 * <p>Scopes: PEP 621 {@code [project] dependencies} are RUNTIME and its {@code optional-dependencies} OPTIONAL;
 * {@code [build-system] requires} BUILD; PEP 735 {@code [dependency-groups]}, Poetry groups and PDM dev groups are
 * TEST when the group name contains {@code test}, else DEV (Poetry's {@code main} group is RUNTIME); Poetry
 * {@code dependencies} RUNTIME (OPTIONAL with {@code optional = true}) and {@code dev-dependencies} DEV; uv
 * {@code dev-dependencies} DEV; Flit {@code requires} RUNTIME and {@code requires-extra} OPTIONAL. PEP 735
 * {@code {include-group = ...}} entries are references to other groups, not dependencies.
 *
 * <p>TOML readers give no line numbers, so a requirement's line is the first line after its section header (and
 * group key) that contains it, else the header's line, else 0.
 */
public final class PyprojectTomlParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/pyproject";

    /** A real pyproject.toml is a few KiB; this bounds the work on a hostile one below the scanner's file limit. */
    private static final int MAX_CHARS = 1024 * 1024;
    /** Real files nest three or four levels; the TOML reader recurses without a limit of its own. */
    private static final int MAX_NESTING = 64;
    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern EXACT_POETRY_VERSION = Pattern.compile("^(?:==)?\\s*(\\d[A-Za-z0-9.+!_-]*)$");

    public PyprojectTomlParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("pyproject.toml") || path.endsWith("/pyproject.toml");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        String path = input.path();
        String text = input.text();
        if (text.length() > MAX_CHARS) {
            return ParseResult.failed(new ScanIssue(path, 0, ID, "file is too large for a pyproject.toml"));
        }
        if (TomlDepth.maxNesting(text) > MAX_NESTING) {
            return ParseResult.failed(new ScanIssue(path, 0, ID, "not read: arrays or tables nested too deeply"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            return ParseResult.failed(new ScanIssue(path, line, ID, "not valid TOML: " + firstLine(e.getOriginalMessage())));
        } catch (RuntimeException | StackOverflowError e) {
            return ParseResult.failed(new ScanIssue(path, 0, ID, "not valid TOML"));
        }
        if (root == null || !root.isObject()) {
            return ParseResult.of(List.of());
        }
        Collector c = new Collector(path, new TomlLines(text));
        c.pep621(root.path("project"));
        c.requirementList(root.path("build-system").path("requires"), Scope.BUILD, c.lines.header("build-system"));
        c.dependencyGroups(root.path("dependency-groups"));
        JsonNode tool = root.path("tool");
        c.poetry(tool.path("poetry"));
        c.groupedRequirements(tool.path("pdm").path("dev-dependencies"), "tool.pdm.dev-dependencies", false);
        int uv = c.lines.header("tool.uv");
        c.requirementList(tool.path("uv").path("dev-dependencies"), Scope.DEV, c.lines.key(uv, "dev-dependencies"));
        c.flit(tool.path("flit").path("metadata"));
        return new ParseResult(c.dependencies, c.issues);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.lines().findFirst().orElse("syntax error").strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    static Scope groupScope(String group) {
        return group.toLowerCase(Locale.ROOT).contains("test") ? Scope.TEST : Scope.DEV;
    }

    /** Collects the dependencies of one file. */
    private static final class Collector {

        private final String path;
        private final TomlLines lines;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<ScanIssue> issues = new ArrayList<>();

        Collector(String path, TomlLines lines) {
            this.path = path;
            this.lines = lines;
        }

        void pep621(JsonNode project) {
            int header = lines.header("project");
            requirementList(project.path("dependencies"), Scope.RUNTIME, lines.key(header, "dependencies"));
            int optionalHeader = lines.header("project.optional-dependencies");
            JsonNode optional = project.path("optional-dependencies");
            for (Iterator<Map.Entry<String, JsonNode>> it = optional.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> extra = it.next();
                int start = optionalHeader > 0 ? optionalHeader : header;
                requirementList(extra.getValue(), Scope.OPTIONAL, lines.key(start, extra.getKey()));
            }
        }

        void dependencyGroups(JsonNode groups) {
            int header = lines.header("dependency-groups");
            for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                requirementList(group.getValue(), groupScope(group.getKey()), lines.key(header, group.getKey()));
            }
        }

        /** PDM-style {@code group = [requirements]} tables. */
        void groupedRequirements(JsonNode groups, String table, boolean optional) {
            int header = lines.header(table);
            for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                Scope scope = optional ? Scope.OPTIONAL : groupScope(group.getKey());
                requirementList(group.getValue(), scope, lines.key(header, group.getKey()));
            }
        }

        void flit(JsonNode metadata) {
            int header = lines.header("tool.flit.metadata");
            requirementList(metadata.path("requires"), Scope.RUNTIME, lines.key(header, "requires"));
            groupedRequirements(metadata.path("requires-extra"), "tool.flit.metadata.requires-extra", true);
        }

        void requirementList(JsonNode list, Scope scope, int sectionLine) {
            if (list.isMissingNode() || list.isNull()) {
                return;
            }
            if (!list.isArray()) {
                issues.add(new ScanIssue(path, sectionLine, ID, "expected a list of requirements"));
                return;
            }
            for (JsonNode entry : list) {
                if (entry.isObject() && entry.has("include-group")) {
                    continue;
                }
                if (!entry.isTextual()) {
                    issues.add(new ScanIssue(path, sectionLine, ID, "expected a requirement string, found " + entry.getNodeType()
                            .name().toLowerCase(Locale.ROOT)));
                    continue;
                }
                String requirement = entry.asText();
                int line = lines.find(sectionLine, requirement);
                if (requirement.strip().startsWith("-e ")) {
                    Matcher egg = EGG.matcher(requirement);
                    if (egg.find()) {
                        add(Pep508.normalize(egg.group(1)), Optional.empty(), Optional.empty(), scope, line);
                    }
                    continue;
                }
                Optional<Pep508.Requirement> parsed = Pep508.parse(requirement);
                if (parsed.isEmpty()) {
                    issues.add(new ScanIssue(path, line, ID, "cannot parse requirement: " + shorten(requirement)));
                    continue;
                }
                Pep508.Requirement r = parsed.get();
                add(r.name(), r.specifier(), r.exactVersion(), scope, line);
            }
        }

        void poetry(JsonNode poetry) {
            if (poetry.isMissingNode()) {
                return;
            }
            poetryTable(poetry.path("dependencies"), "tool.poetry.dependencies", Scope.RUNTIME);
            poetryTable(poetry.path("dev-dependencies"), "tool.poetry.dev-dependencies", Scope.DEV);
            for (Iterator<Map.Entry<String, JsonNode>> it = poetry.path("group").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                String name = group.getKey();
                Scope scope = name.equals("main") ? Scope.RUNTIME : groupScope(name);
                poetryTable(group.getValue().path("dependencies"), "tool.poetry.group." + name + ".dependencies", scope);
            }
        }

        private void poetryTable(JsonNode table, String header, Scope scope) {
            if (!table.isObject()) {
                return;
            }
            int headerLine = lines.header(header);
            for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (key.equalsIgnoreCase("python")) {
                    continue;
                }
                int subTable = lines.header(header + "." + key);
                int line = subTable > 0 ? subTable : lines.key(headerLine, key);
                if (!Pep508.isValidName(key)) {
                    issues.add(new ScanIssue(path, line, ID, "not a package name: " + shorten(key)));
                    continue;
                }
                poetryEntry(Pep508.normalize(key), entry.getValue(), scope, line);
            }
        }

        /** A Poetry constraint: a version string, a table, or a list of tables for different environments. */
        private void poetryEntry(String name, JsonNode value, Scope scope, int line) {
            Optional<String> version = Optional.empty();
            boolean optional = false;
            if (value.isTextual()) {
                version = Optional.of(value.asText().strip());
            } else if (value.isObject()) {
                version = text(value.path("version"));
                optional = value.path("optional").asBoolean(false);
            } else if (value.isArray()) {
                for (JsonNode alternative : value) {
                    if (version.isEmpty()) {
                        version = text(alternative.path("version"));
                    }
                    optional |= alternative.path("optional").asBoolean(false);
                }
            } else {
                issues.add(new ScanIssue(path, line, ID, "unexpected value for " + name));
                return;
            }
            version = version.filter(v -> !v.isEmpty() && !v.equals("*"));
            Optional<String> exact = version.flatMap(v -> {
                Matcher m = EXACT_POETRY_VERSION.matcher(v);
                return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
            });
            add(name, version, exact, optional ? Scope.OPTIONAL : scope, line);
        }

        private static Optional<String> text(JsonNode node) {
            return node.isTextual() ? Optional.of(node.asText().strip()) : Optional.empty();
        }

        private void add(String name, Optional<String> version, Optional<String> resolved, Scope scope, int line) {
            dependencies.add(new Dependency(Ecosystem.PYPI, name, version, resolved, scope, true,
                    new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
        }

        private static String shorten(String s) {
            String clean = s.replaceFirst("://[^/@]*@", "://");
            return clean.length() <= 120 ? clean : clean.substring(0, 117) + "...";
        }
    }
}
