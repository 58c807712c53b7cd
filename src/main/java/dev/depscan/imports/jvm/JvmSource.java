package dev.depscan.imports.jvm;

/**
 * A JVM-language source file with every comment and string or character literal replaced by spaces (newlines kept),
 * so that line-oriented patterns can look for {@code package} and {@code import} without ever matching inside them.
 * Handles {@code //} and {@code /* *}{@code /} comments (nested, as Kotlin and Scala allow them), {@code "..."}
 * strings with escapes, triple-quoted strings and text blocks, and character literals. Linear time.
 */
public final class JvmSource {

    private JvmSource() {
    }

    /**
     * @param nestedComments whether block comments nest (Kotlin, Scala) or end at the first close (Java)
     */
    public static String mask(String text, boolean nestedComments) {
        char[] out = text.toCharArray();
        int n = out.length;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < n) {
                    if (text.startsWith("/*", i)) {
                        depth = nestedComments ? depth + 1 : 1;
                        blank(out, i, 2);
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        blank(out, i, 2);
                        i += 2;
                        if (--depth == 0) {
                            break;
                        }
                    } else {
                        blank(out, i, 1);
                        i++;
                    }
                }
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                while (stop < n && text.charAt(stop) == '"') {
                    stop++; // """a""""  ends with the last quote of the run
                }
                blank(out, i, stop - i);
                i = stop;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, j + 1);
                blank(out, i, stop - i);
                i = stop;
            } else if (c == '\'' && i + 2 < n && (text.charAt(i + 2) == '\'' || text.charAt(i + 1) == '\\')) {
                int j = i + 1;
                while (j < n && j < i + 12 && text.charAt(j) != '\'' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, j + 1);
                blank(out, i, stop - i);
                i = stop;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** Offsets of every line start, for {@link #lineAt}. */
    public static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    /** The 1-based line of {@code offset}. */
    public static int lineAt(int[] lineStarts, int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static void blank(char[] out, int from, int length) {
        for (int k = from; k < Math.min(out.length, from + length); k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }
}
