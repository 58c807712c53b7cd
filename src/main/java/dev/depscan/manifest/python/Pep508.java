package dev.depscan.manifest.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one PEP 508 dependency specifier ({@code name[extra]>=1,<2; python_version<"3.12"} or {@code name @ url}),
 * the form shared by requirements files and every {@code pyproject.toml} dialect except Poetry's tables.
 *
 * <p>Lenient where pip is: a legacy parenthesised specifier ({@code name (>=1.0)}) is accepted. The marker is kept
 * apart and never evaluated. Version clauses are kept as declared, only without whitespace.
 */
public final class Pep508 {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern CLAUSE = Pattern.compile("^(~=|===|==|!=|<=|>=|<|>)\\s*([A-Za-z0-9*+!._-]+)$");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private Pep508() {
    }

    /**
     * One parsed requirement.
     *
     * @param name      PEP 503 normalised name
     * @param extras    requested extras, as written
     * @param specifier version clauses without whitespace, e.g. {@code >=1.0,<2}
     * @param url       the direct reference of {@code name @ url}
     * @param marker    the environment marker after {@code ;}
     */
    public record Requirement(String name, List<String> extras, Optional<String> specifier, Optional<String> url,
                       Optional<String> marker) {

        public Requirement {
            extras = List.copyOf(extras);
        }

        /** The version when the specifier pins exactly one: {@code ==X} without a wildcard, or {@code ===X}. */
        public Optional<String> exactVersion() {
            return specifier.flatMap(Pep508::exactVersion);
        }
    }

    /** PEP 503: runs of {@code -}, {@code _}, {@code .} become one {@code -}, then lower case. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The version of a specifier pinning exactly one version. */
    public static Optional<String> exactVersion(String specifier) {
        if (specifier.contains(",")) {
            return Optional.empty();
        }
        Matcher m = CLAUSE.matcher(specifier.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String op = m.group(1);
        String version = m.group(2);
        if (op.equals("===") || op.equals("==") && !version.contains("*")) {
            return Optional.of(version);
        }
        return Optional.empty();
    }

    /** The requirement, or empty when {@code text} is not a PEP 508 specifier. */
    public static Optional<Requirement> parse(String text) {
        String s = text.strip();
        Matcher nameMatcher = NAME.matcher(s);
        if (!nameMatcher.find()) {
            return Optional.empty();
        }
        String name = nameMatcher.group();
        String rest = s.substring(name.length()).stripLeading();
        List<String> extras = new ArrayList<>();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            for (String extra : rest.substring(1, close).split(",")) {
                String e = extra.strip();
                if (e.isEmpty()) {
                    continue;
                }
                if (!isValidName(e)) {
                    return Optional.empty();
                }
                extras.add(e);
            }
            rest = rest.substring(close + 1).stripLeading();
        }
        if (rest.startsWith("@")) {
            return parseUrlForm(name, extras, rest.substring(1).strip());
        }
        String specPart = rest;
        Optional<String> marker = Optional.empty();
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            specPart = rest.substring(0, semicolon).strip();
            marker = nonEmpty(rest.substring(semicolon + 1));
        }
        if (specPart.startsWith("(") && specPart.endsWith(")")) {
            specPart = specPart.substring(1, specPart.length() - 1).strip();
        }
        if (specPart.isEmpty()) {
            return Optional.of(new Requirement(normalize(name), extras, Optional.empty(), Optional.empty(), marker));
        }
        List<String> clauses = new ArrayList<>();
        for (String clause : specPart.split(",", -1)) {
            Matcher m = CLAUSE.matcher(clause.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            clauses.add(m.group(1) + m.group(2));
        }
        return Optional.of(new Requirement(normalize(name), extras, Optional.of(String.join(",", clauses)),
                Optional.empty(), marker));
    }

    private static Optional<Requirement> parseUrlForm(String name, List<String> extras, String rest) {
        String url = rest;
        Optional<String> marker = Optional.empty();
        Matcher m = Pattern.compile("\\s;").matcher(rest);
        if (m.find()) {
            url = rest.substring(0, m.start()).strip();
            marker = nonEmpty(rest.substring(m.end()));
        }
        if (url.isEmpty() || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new Requirement(normalize(name), extras, Optional.empty(), Optional.of(url), marker));
    }

    private static Optional<String> nonEmpty(String s) {
        String stripped = s.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
