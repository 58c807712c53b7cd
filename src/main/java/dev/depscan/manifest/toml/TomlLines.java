package dev.depscan.manifest.toml;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the lines of TOML sections, keys and values in the raw text, because TOML readers do not report them.
 * Every method returns a 1-based line, or the line it started from when nothing is found, and 0 for no line.
 */
public final class TomlLines {

    private static final Pattern ANY_HEADER = Pattern.compile("^\\s*\\[\\[?\\s*[A-Za-z0-9_\"'-].*]\\]?\\s*(#.*)?$");

    private final String[] lines;

    public TomlLines(String text) {
        this.lines = text.split("\\r?\\n|\\r", -1);
    }

    /** The line of the table header {@code [a.b.c]} (parts bare or quoted, spaces allowed around dots), or 0. */
    public int header(String dotted) {
        StringBuilder regex = new StringBuilder("^\\s*\\[\\s*");
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\s*\\.\\s*");
            }
            String q = Pattern.quote(parts[i]);
            regex.append("(?:").append(q).append("|\"").append(q).append("\"|'").append(q).append("')");
        }
        regex.append("\\s*]\\s*(#.*)?$");
        Pattern pattern = Pattern.compile(regex.toString());
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line of {@code key = ...} within the section starting at {@code from}, else {@code from}. */
    public int key(int from, String key) {
        String q = Pattern.quote(key);
        Pattern pattern = Pattern.compile("^\\s*(?:" + q + "|\"" + q + "\"|'" + q + "')\\s*=.*$");
        return search(from, line -> pattern.matcher(line).matches());
    }

    /** The first line within the section starting at {@code from} that contains {@code value}, preferring it quoted. */
    public int find(int from, String value) {
        if (value.isEmpty()) {
            return from;
        }
        for (String needle : new String[] {"\"" + value + "\"", "'" + value + "'", value}) {
            int found = search(from, line -> line.contains(needle));
            if (found != from || from > 0 && lines[from - 1].contains(needle)) {
                return found;
            }
        }
        return from;
    }

    /** Searches from the line {@code from} (0 = file start) up to the next table header. */
    private int search(int from, Predicate<String> test) {
        int start = Math.max(0, from - 1);
        for (int i = start; i < lines.length; i++) {
            if (i > start && from > 0 && ANY_HEADER.matcher(lines[i]).matches()) {
                break;
            }
            if (test.test(lines[i])) {
                return i + 1;
            }
        }
        return from;
    }
}
