package dev.depscan.scan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The path patterns of the category file's {@code ignore_patterns}, kept compatible with the previous service, which
 * matched them with Python's {@code fnmatch}: {@code *} matches any run of characters <em>including</em> {@code /},
 * {@code ?} one character, {@code [abc]} / {@code [!abc]} a character class. Two additions make gitignore-style
 * patterns do what their authors expect: a leading {@code **}{@code /} also matches nothing (so {@code **}{@code
 * /fixtures/**} ignores a top-level {@code fixtures/}), and a pattern that matches a directory ignores everything below
 * it ({@code tests} or {@code docs/} ignore {@code tests/a.py}). Matching is case-sensitive, on repository-relative
 * paths.
 */
final class PathGlob {

    private final List<Pattern> patterns;

    PathGlob(List<String> globs) {
        this.patterns = globs.stream().filter(g -> !g.isBlank()).map(PathGlob::compile).toList();
    }

    boolean matches(String path) {
        if (patterns.isEmpty()) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                if (pattern.matcher(path.substring(0, slash)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Pattern compile(String glob) {
        String g = glob.strip();
        if (g.startsWith("./")) {
            g = g.substring(2);
        }
        while (g.length() > 1 && g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        if (g.startsWith("**/")) {
            regex.append("(?:.*/)?");
            i = 3;
        }
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*') {
                regex.append(".*");
                while (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    i++;
                }
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = g.indexOf(']', i + 2);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    String body = g.substring(i + 1, end);
                    boolean negate = body.startsWith("!");
                    if (negate) {
                        body = body.substring(1);
                    }
                    regex.append('[').append(negate ? "^" : "").append(body.replace("\\", "\\\\").replace("[", "\\["))
                            .append(']');
                    i = end;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
