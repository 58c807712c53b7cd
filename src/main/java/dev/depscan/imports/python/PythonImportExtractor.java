package dev.depscan.imports.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the absolute imports of one Python source file with a real tokenizer, so that text in strings (all quote
 * styles and prefixes, including nested f-strings) and comments never counts, and imports written across lines
 * (parentheses, backslashes) or after {@code ;} and {@code :} still do. Imports anywhere count: inside functions,
 * {@code try} blocks and {@code if TYPE_CHECKING:}. Relative imports and {@code __future__} are left out. Dynamic
 * imports ({@code importlib.import_module("x")}, {@code __import__}) are not seen.
 *
 * <p>For {@code from a.b import c} the result is {@code a.b.c}: {@code c} may be a submodule or an attribute, and
 * callers match dotted prefixes, which is what lets {@code from google.cloud import storage} find its package.
 */
final class PythonImportExtractor {

    private static final Set<String> STRING_PREFIXES = Set.of(
            "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt");

    private PythonImportExtractor() {
    }

    /** An import as written: dotted module and the line of its statement. */
    record Found(String module, int line) {
    }

    private enum Type { NAME, OP, NEWLINE, OTHER }

    private record Token(Type type, String text, int line) {
    }

    static List<Found> extract(String source) {
        return parse(new Lexer(source).tokens());
    }

    private static List<Found> parse(List<Token> tokens) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.type() == Type.NAME && t.text().equals("from")) {
                i = fromImport(tokens, i, found);
            } else if (t.type() == Type.NAME && t.text().equals("import")) {
                i = plainImport(tokens, i, found);
            } else {
                i++;
            }
        }
        return found;
    }

    /** {@code from [.]*dotted import names}; returns the index to continue from. */
    private static int fromImport(List<Token> tokens, int start, List<Found> found) {
        int i = start + 1;
        int dots = 0;
        while (i < tokens.size() && tokens.get(i).type() == Type.OP
                && (tokens.get(i).text().equals(".") || tokens.get(i).text().equals("..."))) {
            dots += tokens.get(i).text().length();
            i++;
        }
        StringBuilder module = new StringBuilder();
        i = dotted(tokens, i, module);
        if (i >= tokens.size() || !isName(tokens.get(i), "import") || module.isEmpty() && dots == 0) {
            return start + 1;
        }
        i++;
        List<String> names = new ArrayList<>();
        boolean parenthesised = i < tokens.size() && isOp(tokens.get(i), "(");
        if (parenthesised) {
            i++;
        }
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.type() == Type.NAME && !t.text().equals("as")) {
                names.add(t.text());
                i++;
                if (i + 1 < tokens.size() && isName(tokens.get(i), "as")) {
                    i += 2;
                }
            } else if (isOp(t, "*")) {
                i++;
            } else if (isOp(t, ",")) {
                i++;
            } else {
                if (parenthesised && isOp(t, ")")) {
                    i++;
                }
                break;
            }
        }
        String base = module.toString();
        if (dots == 0 && !base.equals("__future__") && !base.startsWith("__future__.")) {
            int line = tokens.get(start).line();
            if (names.isEmpty()) {
                found.add(new Found(base, line));
            }
            for (String name : names) {
                found.add(new Found(base + "." + name, line));
            }
        }
        return i;
    }

    /** {@code import a.b as c, d}; returns the index to continue from. */
    private static int plainImport(List<Token> tokens, int start, List<Found> found) {
        int i = start + 1;
        int line = tokens.get(start).line();
        while (i < tokens.size()) {
            StringBuilder module = new StringBuilder();
            int next = dotted(tokens, i, module);
            if (module.isEmpty()) {
                break;
            }
            String name = module.toString();
            if (!name.equals("__future__")) {
                found.add(new Found(name, line));
            }
            i = next;
            if (i + 1 < tokens.size() && isName(tokens.get(i), "as")) {
                i += 2;
            }
            if (i < tokens.size() && isOp(tokens.get(i), ",")) {
                i++;
            } else {
                break;
            }
        }
        return Math.max(i, start + 1);
    }

    /** Reads {@code NAME (. NAME)*} into {@code out}; returns the index after it. */
    private static int dotted(List<Token> tokens, int start, StringBuilder out) {
        int i = start;
        if (i >= tokens.size() || tokens.get(i).type() != Type.NAME || isKeyword(tokens.get(i).text())) {
            return start;
        }
        out.append(tokens.get(i).text());
        i++;
        while (i + 1 < tokens.size() && isOp(tokens.get(i), ".") && tokens.get(i + 1).type() == Type.NAME) {
            out.append('.').append(tokens.get(i + 1).text());
            i += 2;
        }
        return i;
    }

    private static boolean isKeyword(String name) {
        return name.equals("import") || name.equals("as") || name.equals("from");
    }

    private static boolean isName(Token t, String text) {
        return t.type() == Type.NAME && t.text().equals(text);
    }

    private static boolean isOp(Token t, String text) {
        return t.type() == Type.OP && t.text().equals(text);
    }

    /**
     * Splits source into names, operators and logical-line ends; strings, numbers and comments become {@code OTHER}
     * tokens or nothing, so their content can never look like an import.
     */
    private static final class Lexer {

        private final String s;
        private final int n;
        private final List<Token> tokens = new ArrayList<>();
        private int i;
        private int line = 1;
        private int depth;

        Lexer(String source) {
            this.s = source;
            this.n = source.length();
        }

        List<Token> tokens() {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    newline();
                } else if (c == '#') {
                    while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        i++;
                    }
                } else if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                    i++;
                    skipLineBreak();
                } else if (Character.isWhitespace(c) || c == '\f') {
                    i++;
                } else if (c == '"' || c == '\'') {
                    string("");
                } else if (c == '_' || Character.isLetter(c) || Character.isUnicodeIdentifierStart(c)) {
                    name();
                } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                    number();
                } else if (c == '.') {
                    if (s.startsWith("...", i)) {
                        emit(Type.OP, "...");
                        i += 3;
                    } else {
                        emit(Type.OP, ".");
                        i++;
                    }
                } else {
                    if (c == '(' || c == '[' || c == '{') {
                        depth++;
                    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                        depth--;
                    }
                    if (c == ';') {
                        emit(Type.NEWLINE, ";");
                    } else {
                        emit(Type.OP, String.valueOf(c));
                    }
                    i++;
                }
            }
            return tokens;
        }

        private void newline() {
            skipLineBreak();
            if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).type() != Type.NEWLINE) {
                emit(Type.NEWLINE, "\n");
            }
        }

        /** Consumes one {@code \n}, {@code \r\n} or {@code \r} at {@code i} and counts the line. */
        private void skipLineBreak() {
            if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i++;
            }
            i++;
            line++;
        }

        private void name() {
            int start = i;
            while (i < n && (s.charAt(i) == '_' || Character.isUnicodeIdentifierPart(s.charAt(i)))
                    && !Character.isIdentifierIgnorable(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                i++;
                emit(Type.OTHER, s.substring(start, i));
                return;
            }
            String word = s.substring(start, i);
            if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')
                    && STRING_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
                string(word.toLowerCase(Locale.ROOT));
                return;
            }
            emit(Type.NAME, word);
        }

        private void number() {
            while (i < n) {
                char c = s.charAt(i);
                if ((c == 'e' || c == 'E') && i + 1 < n && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')
                        && !isHex(i)) {
                    i += 2;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                    i++;
                } else {
                    break;
                }
            }
            emit(Type.OTHER, "0");
        }

        private boolean isHex(int at) {
            int start = at;
            while (start > 0 && Character.isLetterOrDigit(s.charAt(start - 1))) {
                start--;
            }
            return s.startsWith("0x", start) || s.startsWith("0X", start);
        }

        /** Skips a string literal starting at {@code i} (at its opening quote). */
        private void string(String prefix) {
            skipString(prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0);
            emit(Type.OTHER, "\"\"");
        }

        /**
         * A backslash always keeps the next character inside the string, raw or not: in Python {@code r"\""} is a
         * string too, only the backslash stays part of its value.
         */
        private void skipString(boolean formatted) {
            char quote = s.charAt(i);
            boolean triple = i + 2 < n && s.charAt(i + 1) == quote && s.charAt(i + 2) == quote;
            i += triple ? 3 : 1;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    i++;
                    if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                        skipLineBreak();
                    } else {
                        i++;
                    }
                } else if (c == '\n' || c == '\r') {
                    if (!triple) {
                        return;
                    }
                    skipLineBreak();
                } else if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                    i += triple ? 3 : 1;
                    return;
                } else if (formatted && c == '{') {
                    if (i + 1 < n && s.charAt(i + 1) == '{') {
                        i += 2;
                    } else {
                        i++;
                        skipReplacementField();
                    }
                } else {
                    i++;
                }
            }
        }

        /** Skips an f-string's {@code {...}} expression, including strings nested in it (Python 3.12 allows any). */
        private void skipReplacementField() {
            int braces = 1;
            while (i < n && braces > 0) {
                char c = s.charAt(i);
                if (c == '{') {
                    braces++;
                    i++;
                } else if (c == '}') {
                    braces--;
                    i++;
                } else if (c == '"' || c == '\'') {
                    int p = i;
                    while (p > 0 && Character.isLetter(s.charAt(p - 1))) {
                        p--;
                    }
                    String prefix = s.substring(p, i).toLowerCase(Locale.ROOT);
                    boolean nestedFormatted = STRING_PREFIXES.contains(prefix) && (prefix.contains("f") || prefix.contains("t"));
                    skipString(nestedFormatted);
                } else if (c == '\n' || c == '\r') {
                    skipLineBreak();
                } else {
                    i++;
                }
            }
        }

        private void emit(Type type, String text) {
            tokens.add(new Token(type, text, line));
        }
    }
}
