package dev.depscan.manifest.conda;

import dev.depscan.manifest.python.Pep508;
import dev.depscan.manifest.python.RequirementsTxtParser;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.TreePaths;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * conda environment files ({@code environment.yml}, {@code environment-gpu.yaml}, {@code conda.yml}, ...).
 *
 * <p>Only a YAML map with a {@code dependencies} list is an environment; any other YAML under an accepted name gives
 * nothing and no issue. Each string entry is a conda package (ecosystem {@code conda}): {@code numpy},
 * {@code numpy=1.26}, {@code numpy==1.26.4}, {@code numpy 1.26.*}, {@code numpy>=1.20},
 * {@code conda-forge::numpy=1.26}, {@code numpy=1.26.4=py311h64a7726_0}; the version text is kept as written and is
 * resolved when exact ({@code ==1.26.4}, or a version with a build string). The interpreter and installer
 * themselves ({@code python}, {@code pip}) are not reported. The entries of a {@code pip:} list are PyPI
 * requirements (PEP 508); its {@code -r file} lines are read by the requirements parser, relative to the
 * environment file. All entries are RUNTIME.
 */
public final class CondaEnvironmentParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "conda/environment";

    private static final Pattern NAME = Pattern.compile("environment([-_.][^/]*)?\\.ya?ml|conda([-_.][^/]*)?\\.ya?ml"
                                                        + "|env\\.ya?ml");
    private static final Pattern ENTRY = Pattern.compile(
            "(?:([A-Za-z0-9_.-]+)::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)\\s*(.*)");
    private static final Pattern WITH_BUILD = Pattern.compile("=?=?\\s*([0-9][0-9A-Za-z.+_]*)=\\S+");
    private static final Pattern EXACT = Pattern.compile("==\\s*([0-9][0-9A-Za-z.+_]*)");
    private static final Set<String> NOT_DEPENDENCIES = Set.of("python", "pip");
    private static final ObjectMapper YAML;

    static {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(50);
        limits.setCodePointLimit(4 * 1024 * 1024);
        YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits).build());
    }

    private final RequirementsTxtParser requirements = new RequirementsTxtParser();

    public CondaEnvironmentParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        JsonNode root;
        try {
            root = YAML.readTree(input.text());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return ParseResult.failed(new ScanIssue(input.path(), line, ID, "not valid YAML (or over the YAML limits)"));
        } catch (RuntimeException e) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID, "not valid YAML (or over the YAML limits)"));
        }
        if (root == null || !root.path("dependencies").isArray()) {
            return ParseResult.of(List.of());
        }
        Lines lines = new Lines(input.text());
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        for (JsonNode entry : root.path("dependencies")) {
            if (entry.isTextual()) {
                conda(entry.asText().strip(), lines.next(entry.asText().strip()), input.path(), dependencies, issues);
            } else if (entry.path("pip").isArray()) {
                for (JsonNode requirement : entry.path("pip")) {
                    String text = requirement.asText("").strip();
                    pip(text, lines.next(text), input, dependencies, issues);
                }
            }
        }
        return new ParseResult(dependencies, issues);
    }

    private static void conda(String text, int line, String path, List<Dependency> dependencies,
                              List<ScanIssue> issues) {
        Matcher entry = ENTRY.matcher(text);
        if (!entry.matches()) {
            issues.add(new ScanIssue(path, line, ID, "not a conda package specification: '" + text + "'"));
            return;
        }
        String name = entry.group(2).toLowerCase(Locale.ROOT);
        if (NOT_DEPENDENCIES.contains(name)) {
            return;
        }
        String spec = entry.group(3).strip();
        Matcher build = WITH_BUILD.matcher(spec);
        Matcher exact = EXACT.matcher(spec);
        Optional<String> resolved = build.matches() ? Optional.of(build.group(1))
                : exact.matches() ? Optional.of(exact.group(1)) : Optional.empty();
        dependencies.add(new Dependency(Ecosystem.CONDA, name, spec.isEmpty() ? Optional.empty() : Optional.of(spec),
                resolved, Scope.RUNTIME, true, new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }

    private void pip(String text, int line, ManifestInput input, List<Dependency> dependencies,
                     List<ScanIssue> issues) {
        if (text.startsWith("-r ") || text.startsWith("--requirement ")) {
            String target = text.substring(text.indexOf(' ') + 1).strip();
            Optional<String> included = TreePaths.resolve(TreePaths.directoryOf(input.path()), target)
                    .filter(p -> input.tree().readText(p).isPresent());
            if (included.isEmpty()) {
                issues.add(new ScanIssue(input.path(), line, ID, "'" + target + "' is not a file of the repository"));
                return;
            }
            ParseResult result = requirements.parse(new ManifestInput(included.get(),
                    input.tree().readText(included.get()).orElseThrow(), input.tree()));
            dependencies.addAll(result.dependencies());
            issues.addAll(result.issues());
            return;
        }
        if (text.isEmpty() || text.startsWith("-")) {
            return;
        }
        Optional<Pep508.Requirement> requirement = Pep508.parse(text);
        if (requirement.isEmpty()) {
            issues.add(new ScanIssue(input.path(), line, ID, "not a PEP 508 requirement: '" + text + "'"));
            return;
        }
        dependencies.add(new Dependency(Ecosystem.PYPI, requirement.get().name(), requirement.get().specifier(),
                requirement.get().exactVersion(), Scope.RUNTIME, true,
                new Evidence(input.path(), line, Evidence.Kind.MANIFEST, ID)));
    }

    /** Finds list entries in file order: each search starts after the previous one. */
    private static final class Lines {

        private final String[] lines;
        private int next;

        Lines(String text) {
            this.lines = text.split("\r?\n", -1);
        }

        int next(String entry) {
            for (int i = next; i < lines.length; i++) {
                String line = lines[i].replaceFirst("\\s+#.*$", "").strip();
                if (line.startsWith("-") && line.substring(1).strip().replaceAll("^['\"]|['\"]$", "").equals(entry)) {
                    next = i + 1;
                    return i + 1;
                }
            }
            return 0;
        }
    }
}
