package dev.depscan.imports.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the import declarations of one Go file in a single linear pass: comments, interpreted and raw strings and
 * rune literals are skipped, so {@code import} inside them never counts.
 */
final class GoImports {

    /** One imported path and the line of its string literal. */
    record Found(String path, int line) {
    }

    private GoImports() {
    }

    static List<Found> extract(String text) {
        List<Found> found = new ArrayList<>();
        int n = text.length();
        int line = 1;
        int i = 0;
        boolean inImportBlock = false;
        boolean afterImport = false;
        char previous = '\n';
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                if (afterImport && !inImportBlock) {
                    afterImport = false;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i += 2;
                continue;
            }
            if (c == '"' || c == '`' || c == '\'') {
                int start = i + 1;
                int startLine = line;
                i++;
                StringBuilder value = new StringBuilder();
                while (i < n && text.charAt(i) != c) {
                    char s = text.charAt(i);
                    if (s == '\\' && c != '`' && i + 1 < n) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (s == '\n') {
                        if (c != '`') {
                            break;
                        }
                        line++;
                    }
                    value.append(s);
                    i++;
                }
                i++;
                if (afterImport && c != '\'') {
                    found.add(new Found(value.toString(), startLine));
                    if (!inImportBlock) {
                        afterImport = false;
                    }
                }
                previous = c;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                if (word.equals("import") && previous != '.') {
                    afterImport = true;
                } else if (afterImport && !inImportBlock && !word.equals("_")) {
                    // an alias before the path: import name "path"
                } else if (!afterImport && (word.equals("func") || word.equals("type") || word.equals("var")
                                            || word.equals("const"))) {
                    break; // imports come before every other declaration
                }
                previous = 'a';
                continue;
            }
            if (c == '(' && afterImport) {
                inImportBlock = true;
            } else if (c == ')' && inImportBlock) {
                inImportBlock = false;
                afterImport = false;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
            i++;
        }
        return found;
    }
}
