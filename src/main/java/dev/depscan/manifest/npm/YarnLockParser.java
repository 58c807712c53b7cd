package dev.depscan.manifest.npm;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code yarn.lock}, both the classic format ({@code version "1.2.3"}) and Yarn Berry's YAML-like one
 * ({@code version: 1.2.3}): every locked package with its exact version, on the line of its entry header.
 *
 * <p>Entries are {@code direct=false} and RUNTIME: a yarn lock file does not record which are dev dependencies
 * ({@code package.json} says that). Workspace, link, portal, file and patch entries are the repository's own
 * packages or a re-resolution of another entry, and are left out; so is Berry's {@code __metadata}.
 */
public final class YarnLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "npm/yarn-lock";

    private static final Pattern VERSION = Pattern.compile("\\s+version:?\\s+\"?([^\"\\s]+)\"?\\s*");
    private static final Pattern LOCAL = Pattern.compile("@(?:workspace|link|portal|file|patch):");

    public YarnLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("yarn.lock") || path.endsWith("/yarn.lock");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        String[] lines = input.text().split("\r?\n", -1);
        Optional<String> name = Optional.empty();
        int headerLine = 0;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                headerLine = index + 1;
                name = header(line);
                if (name.isEmpty() && !line.startsWith("__metadata") && !LOCAL.matcher(line).find()) {
                    issues.add(new ScanIssue(input.path(), headerLine, ID, "not a lock entry header"));
                }
                continue;
            }
            Matcher version = VERSION.matcher(line);
            if (name.isPresent() && version.matches()) {
                dependencies.add(new Dependency(Ecosystem.NPM, name.get(), Optional.of(version.group(1)),
                        Optional.of(version.group(1)), Scope.RUNTIME, false,
                        new Evidence(input.path(), headerLine, Evidence.Kind.MANIFEST, ID)));
                name = Optional.empty();
            }
        }
        return new ParseResult(dependencies, issues);
    }

    /**
     * The package an entry header locks: {@code "@scope/a@^1", "@scope/a@^1.1":} or {@code "a@npm:^1.0.0":}. Empty
     * for metadata, the repository's own packages and anything that is not a header.
     */
    private static Optional<String> header(String line) {
        String stripped = line.strip();
        if (!stripped.endsWith(":") || stripped.startsWith("__metadata") || LOCAL.matcher(stripped).find()) {
            return Optional.empty();
        }
        String first = stripped.substring(0, stripped.length() - 1).split(",")[0].strip().replace("\"", "");
        int at = first.indexOf('@', 1);
        if (at <= 0) {
            return Optional.empty();
        }
        return Optional.of(first.substring(0, at));
    }
}
