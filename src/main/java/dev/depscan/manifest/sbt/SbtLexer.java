package dev.depscan.manifest.sbt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits Scala source (sbt files and {@code project/*.scala}) into tokens: comments (nested block comments too)
 * disappear, interpolated strings ({@code s"...$v..."}) keep their templates as parts, and runs of operator characters
 * ({@code %%}, {@code ++=}, {@code :=}) are single tokens. Never fails.
 */
final class SbtLexer {

    enum Kind { IDENT, STRING, NUMBER, OP, NEWLINE, EOF }

    /** Literal text, or a template whose {@code text} is the referenced name or the source of {@code ${...}}. */
    record Part(boolean template, String text) {
        Part {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A token; {@code text} of a string is its raw source between the quotes. */
    record Token(Kind kind, String text, int line, List<Part> parts) {
        Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            parts = List.copyOf(parts);
        }

        boolean is(String value) {
            return kind != Kind.STRING && text.equals(value);
        }
    }

    private static final String OPERATOR_CHARS = "!#%&*+-/:<=>?@\\^|~";

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private SbtLexer(String src) {
        this.src = src;
    }

    static List<Token> lex(String text) {
        SbtLexer lexer = new SbtLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (!tokens.isEmpty() && tokens.getLast().kind() != Kind.NEWLINE) {
                    tokens.add(new Token(Kind.NEWLINE, "\n", line, List.of()));
                }
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                blockComment();
            } else if (c == '"') {
                string(false);
            } else if (Character.isJavaIdentifierStart(c) && startsInterpolation(pos)) {
                while (Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                string(true);
            } else if (c == '\'' && pos + 2 < src.length() && src.charAt(pos + 2) == '\'') {
                tokens.add(new Token(Kind.STRING, src.substring(pos + 1, pos + 2), line,
                        List.of(new Part(false, src.substring(pos + 1, pos + 2)))));
                pos += 3;
            } else if (c == '`') {
                int end = src.indexOf('`', pos + 1);
                int stop = end < 0 ? src.length() : end;
                tokens.add(new Token(Kind.IDENT, src.substring(pos + 1, stop), line, List.of()));
                pos = Math.min(src.length(), stop + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line, List.of()));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line, List.of()));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int start = pos;
                while (pos < src.length() && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0
                        && !src.startsWith("//", pos) && !src.startsWith("/*", pos)) {
                    pos++;
                }
                tokens.add(new Token(Kind.OP, src.substring(start, pos), line, List.of()));
            } else {
                tokens.add(new Token(Kind.OP, String.valueOf(c), line, List.of()));
                pos++;
            }
        }
        tokens.add(new Token(Kind.EOF, "", line, List.of()));
    }

    /** {@code s"..."}, {@code f"..."}, {@code raw"..."}: an identifier immediately followed by a quote. */
    private boolean startsInterpolation(int at) {
        int i = at;
        while (i < src.length() && Character.isJavaIdentifierPart(src.charAt(i))) {
            i++;
        }
        return i < src.length() && src.charAt(i) == '"';
    }

    private void blockComment() {
        int depth = 0;
        while (pos < src.length()) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (src.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
            }
        }
    }

    private void string(boolean interpolated) {
        int startLine = line;
        boolean triple = src.startsWith("\"\"\"", pos);
        String quote = triple ? "\"\"\"" : "\"";
        pos += quote.length();
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (pos < src.length() && !src.startsWith(quote, pos)) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (!triple) {
                    break;
                }
                line++;
            }
            if (c == '\\' && !triple && pos + 1 < src.length()) {
                literal.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (interpolated && c == '$' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '$') {
                    literal.append('$');
                    pos += 2;
                    continue;
                }
                int end = -1;
                String expression = "";
                if (next == '{') {
                    end = src.indexOf('}', pos);
                    expression = end < 0 ? "" : src.substring(pos + 2, end);
                    end = end < 0 ? -1 : end + 1;
                } else if (Character.isJavaIdentifierStart(next)) {
                    end = pos + 1;
                    while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
                        end++;
                    }
                    expression = src.substring(pos + 1, end);
                }
                if (end > 0) {
                    if (!literal.isEmpty()) {
                        parts.add(new Part(false, literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(new Part(true, expression.strip()));
                    pos = end;
                    continue;
                }
            }
            literal.append(c);
            pos++;
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(false, literal.toString()));
        }
        String raw = src.substring(start, Math.min(pos, src.length()));
        if (src.startsWith(quote, pos)) {
            pos += quote.length();
        }
        tokens.add(new Token(Kind.STRING, raw, startLine, parts));
    }
}
