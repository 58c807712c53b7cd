package dev.depscan.manifest.toml;

/** Measures how deeply arrays and inline tables nest in TOML text, skipping strings and comments. */
public final class TomlDepth {

    private TomlDepth() {
    }

    public static int maxNesting(String text) {
        int depth = 0;
        int max = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                i = skipString(text, i, c);
                continue;
            } else if (c == '[' || c == '{') {
                depth++;
                max = Math.max(max, depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
        return max;
    }

    /** Index just after the string starting at {@code start}. */
    private static int skipString(String text, int start, char quote) {
        int n = text.length();
        boolean triple = start + 2 < n && text.charAt(start + 1) == quote && text.charAt(start + 2) == quote;
        int i = start + (triple ? 3 : 1);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    return i + 1;
                }
                if (i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote) {
                    return i + 3;
                }
            } else if (c == '\n' && !triple) {
                return i + 1;
            }
            i++;
        }
        return n;
    }
}
