package dev.depscan.manifest.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setup.cfg}: the declarative setuptools configuration.
 *
 * <p>{@code [options]} {@code install_requires} is RUNTIME, {@code setup_requires} BUILD and {@code tests_require}
 * TEST; every key of {@code [options.extras_require]} is OPTIONAL. Values are read as setuptools reads them: one
 * requirement per line, on the key's line and on the indented continuation lines below it; {@code #} and {@code ;}
 * at the start of a line are comments. A requirement's line is its own line.
 */
public final class SetupCfgParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/setup-cfg";

    private static final Map<String, Scope> OPTIONS = Map.of(
            "install_requires", Scope.RUNTIME,
            "setup_requires", Scope.BUILD,
            "tests_require", Scope.TEST);

    public SetupCfgParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("setup.cfg") || path.endsWith("/setup.cfg");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        String section = "";
        Optional<Scope> scope = Optional.empty();
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String raw = lines[index];
            String stripped = raw.strip();
            int number = index + 1;
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            if (!continuation && stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.substring(1, stripped.length() - 1).strip().toLowerCase(Locale.ROOT);
                scope = Optional.empty();
                continue;
            }
            String value = stripped;
            if (!continuation) {
                int equals = indexOfAssignment(stripped);
                if (equals < 0) {
                    scope = Optional.empty();
                    continue;
                }
                String key = stripped.substring(0, equals).strip().toLowerCase(Locale.ROOT).replace('-', '_');
                scope = scopeOf(section, key);
                value = stripped.substring(equals + 1).strip();
            }
            if (scope.isPresent() && !value.isEmpty()) {
                requirement(value, number, scope.get(), input.path(), dependencies, issues);
            }
        }
        return new ParseResult(dependencies, issues);
    }

    private static Optional<Scope> scopeOf(String section, String key) {
        if (section.equals("options")) {
            return Optional.ofNullable(OPTIONS.get(key));
        }
        return section.equals("options.extras_require") ? Optional.of(Scope.OPTIONAL) : Optional.empty();
    }

    /** The {@code =} or {@code :} that separates key and value: the first one, before any requirement text. */
    private static int indexOfAssignment(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static void requirement(String value, int line, Scope scope, String path, List<Dependency> dependencies,
                                    List<ScanIssue> issues) {
        String text = value.replaceFirst("\\s+#.*$", "").strip();
        Optional<Pep508.Requirement> requirement = Pep508.parse(text);
        if (requirement.isEmpty()) {
            issues.add(new ScanIssue(path, line, ID, "not a PEP 508 requirement: '" + text + "'"));
            return;
        }
        dependencies.add(new Dependency(Ecosystem.PYPI, requirement.get().name(), requirement.get().specifier(),
                requirement.get().exactVersion(), scope, true, new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
    }
}
