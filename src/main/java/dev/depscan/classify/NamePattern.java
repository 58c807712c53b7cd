package dev.depscan.classify;

import dev.depscan.scan.Ecosystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One package pattern of the category file; the syntax is documented on {@link CategoryConfig}.
 */
final class NamePattern {

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern GO_MAJOR_VERSION = Pattern.compile("/v\\d+$");
    private static final Map<String, Ecosystem> PREFIXES = Map.ofEntries(
            Map.entry("pypi", Ecosystem.PYPI), Map.entry("python", Ecosystem.PYPI), Map.entry("pip", Ecosystem.PYPI),
            Map.entry("npm", Ecosystem.NPM), Map.entry("maven", Ecosystem.MAVEN), Map.entry("go", Ecosystem.GOLANG),
            Map.entry("golang", Ecosystem.GOLANG), Map.entry("cargo", Ecosystem.CARGO), Map.entry("crates", Ecosystem.CARGO),
            Map.entry("gem", Ecosystem.GEM), Map.entry("composer", Ecosystem.COMPOSER), Map.entry("nuget", Ecosystem.NUGET),
            Map.entry("conda", Ecosystem.CONDA), Map.entry("docker", Ecosystem.DOCKER));

    private final String source;
    private final Optional<Ecosystem> ecosystem;
    private final String normalized;
    private final Optional<Pattern> glob;

    private NamePattern(String source, Optional<Ecosystem> ecosystem, String normalized, Optional<Pattern> glob) {
        this.source = source;
        this.ecosystem = ecosystem;
        this.normalized = normalized;
        this.glob = glob;
    }

    /** @throws IllegalArgumentException for a blank pattern */
    static NamePattern parse(String text) {
        String s = text.strip();
        Optional<Ecosystem> ecosystem = Optional.empty();
        int colon = s.indexOf(':');
        if (colon > 0) {
            Ecosystem prefixed = PREFIXES.get(s.substring(0, colon).toLowerCase(Locale.ROOT));
            if (prefixed != null) {
                ecosystem = Optional.of(prefixed);
                s = s.substring(colon + 1).strip();
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty package pattern '" + text + "'");
        }
        String normalized = normalize(s);
        Optional<Pattern> glob = Optional.empty();
        if (normalized.indexOf('*') >= 0 || normalized.indexOf('?') >= 0) {
            StringBuilder regex = new StringBuilder();
            for (char c : normalized.toCharArray()) {
                if (c == '*') {
                    regex.append(".*");
                } else if (c == '?') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            glob = Optional.of(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
        return new NamePattern(text, ecosystem, normalized, glob);
    }

    /** Lower case, runs of {@code -}, {@code _} and {@code .} as one {@code -}: PEP 503, applied to every ecosystem. */
    static String normalize(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    boolean matches(Ecosystem findingEcosystem, String name) {
        if (ecosystem.isPresent() && ecosystem.get() != findingEcosystem) {
            return false;
        }
        for (String candidate : candidates(findingEcosystem, normalize(name))) {
            boolean hit = glob.map(g -> g.matcher(candidate).matches()).orElse(candidate.equals(normalized));
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** The whole name, plus a Maven artifact alone and a Go module without its major-version suffix. */
    private static List<String> candidates(Ecosystem ecosystem, String name) {
        List<String> candidates = new ArrayList<>(List.of(name));
        if (ecosystem == Ecosystem.MAVEN && name.indexOf(':') > 0) {
            candidates.add(name.substring(name.lastIndexOf(':') + 1));
        }
        if (ecosystem == Ecosystem.GOLANG) {
            String stripped = GO_MAJOR_VERSION.matcher(name).replaceFirst("");
            if (!stripped.equals(name)) {
                candidates.add(stripped);
            }
        }
        return candidates;
    }

    @Override
    public String toString() {
        return source;
    }
}
