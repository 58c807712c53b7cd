package dev.depscan.manifest.ruby;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Gemfile.lock} (and {@code gems.locked}): every gem Bundler resolved, with its exact version.
 *
 * <p>Entries come from the {@code specs:} of the {@code GEM} and {@code GIT} sections (four-space indent;
 * six-space lines are a spec's own dependencies). A gem named in {@code DEPENDENCIES} is direct, with the requirement
 * written there as its version text ({@code ~> 1.16}), every other one {@code direct=false} with its locked version;
 * all are RUNTIME, since the lock does not record groups. A platform suffix
 * ({@code nokogiri (1.16.5-x86_64-linux)}) is not part of the version, and a gem locked for several platforms is
 * one entry. {@code PATH} sections are the repository's own gems and are left out, as are {@code PLATFORMS},
 * {@code RUBY VERSION}, {@code BUNDLED WITH} and {@code CHECKSUMS}.
 */
public final class GemfileLockParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "ruby/gemfile-lock";

    private static final Pattern SPEC = Pattern.compile("^ {4}([A-Za-z0-9][A-Za-z0-9._-]*) \\(([^)\\s]+)\\)\\s*$");
    private static final Pattern DEPENDENCY = Pattern.compile("^ {2}([A-Za-z0-9][A-Za-z0-9._-]*)!?(?: \\((.*)\\))?\\s*$");
    private static final Pattern SECTION = Pattern.compile("^[A-Z][A-Z ]*$");
    private static final Set<String> SPEC_SECTIONS = Set.of("GEM", "GIT");

    public GemfileLockParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("Gemfile.lock") || name.equals("gems.locked");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        Map<String, Locked> locked = new LinkedHashMap<>();
        Map<String, String> direct = new HashMap<>();
        String section = "";
        boolean inSpecs = false;
        boolean sawSection = false;
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isBlank()) {
                continue;
            }
            if (SECTION.matcher(line).matches()) {
                section = line.strip();
                inSpecs = false;
                sawSection = true;
                continue;
            }
            if (line.equals("  specs:")) {
                inSpecs = true;
                continue;
            }
            if (SPEC_SECTIONS.contains(section) && inSpecs) {
                Matcher spec = SPEC.matcher(line);
                if (spec.matches()) {
                    String version = spec.group(2);
                    int platform = version.indexOf('-');
                    locked.putIfAbsent(spec.group(1), new Locked(platform > 0 ? version.substring(0, platform) : version,
                                                                 index + 1));
                }
            } else if (section.equals("DEPENDENCIES")) {
                Matcher dependency = DEPENDENCY.matcher(line);
                if (dependency.matches()) {
                    direct.put(dependency.group(1), dependency.group(2) == null ? "" : dependency.group(2).strip());
                }
            }
        }
        if (!sawSection && !input.text().isBlank()) {
            return ParseResult.failed(new ScanIssue(input.path(), 0, ID,
                                                    "not a Bundler lock file (no GEM, GIT, PATH or DEPENDENCIES section)"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        locked.forEach((name, entry) -> {
            String requirement = direct.getOrDefault(name, "");
            dependencies.add(new Dependency(
                    Ecosystem.GEM, name, Optional.of(requirement.isEmpty() ? entry.version() : requirement),
                    Optional.of(entry.version()), Scope.RUNTIME, direct.containsKey(name),
                    new Evidence(input.path(), entry.line(), Evidence.Kind.MANIFEST, ID)));
        });
        return ParseResult.of(dependencies);
    }

    private record Locked(String version, int line) {
    }
}
