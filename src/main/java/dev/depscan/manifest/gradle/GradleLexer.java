package dev.depscan.manifest.gradle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a Groovy or Kotlin build script into tokens: comments disappear, string literals keep their templates
 * ({@code $name}, {@code ${expr}}) as separate parts, and line breaks are tokens because Groovy's command syntax
 * ({@code implementation 'g:a:v'}) ends at the end of a line. Never fails: unknown characters become punctuation.
 */
final class GradleLexer {

    enum Kind { IDENT, STRING, NUMBER, PUNCT, NEWLINE, EOF }

    /** One part of a string literal: literal text, or a template whose expression source is {@code text}. */
    record Part(boolean template, String text, String raw) {
        Part {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * A token.
     *
     * @param text  identifier name, punctuation, or the raw source between a string's quotes
     * @param parts a string literal's parts; empty for other kinds
     */
    record Token(Kind kind, String text, int line, List<Part> parts) {
        Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            parts = List.copyOf(parts);
        }

        boolean is(String punctuationOrName) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctuationOrName);
        }
    }

    private final String src;
    private final boolean kotlin;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private GradleLexer(String src, boolean kotlin) {
        this.src = src;
        this.kotlin = kotlin;
    }

    /** The tokens of a script, ending with one {@code EOF}. */
    static List<Token> lex(String text, boolean kotlin) {
        GradleLexer lexer = new GradleLexer(text, kotlin);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        if (src.startsWith("#!")) {
            skipToEndOfLine();
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
                pos++;
                line++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                skipToEndOfLine();
            } else if (src.startsWith("/*", pos)) {
                skipBlockComment();
            } else if (src.startsWith("\"\"\"", pos)) {
                string("\"\"\"", true);
            } else if (src.startsWith("'''", pos)) {
                string("'''", false);
            } else if (c == '"') {
                string("\"", true);
            } else if (c == '\'') {
                string("'", false);
            } else if (c == '`' && kotlin) {
                int end = src.indexOf('`', pos + 1);
                int stop = end < 0 || src.substring(pos, end).contains("\n") ? pos + 1 : end + 1;
                tokens.add(new Token(Kind.IDENT, src.substring(pos + 1, Math.max(pos + 1, stop - 1)), line, List.of()));
                pos = stop;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line, List.of()));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line, List.of()));
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line, List.of()));
                pos++;
            }
        }
        tokens.add(new Token(Kind.EOF, "", line, List.of()));
    }

    private void newline() {
        if (!tokens.isEmpty() && tokens.getLast().kind() != Kind.NEWLINE) {
            tokens.add(new Token(Kind.NEWLINE, "\n", line, List.of()));
        }
    }

    private void skipToEndOfLine() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int end = src.indexOf("*/", pos + 2);
        int stop = end < 0 ? src.length() : end + 2;
        for (int i = pos; i < stop; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        pos = stop;
    }

    /** Reads a string literal starting at {@code pos}; an unterminated one ends at the end of the line (or file). */
    private void string(String quote, boolean templates) {
        int startLine = line;
        boolean triple = quote.length() == 3;
        pos += quote.length();
        int contentStart = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        StringBuilder literalRaw = new StringBuilder();
        while (pos < src.length()) {
            if (src.startsWith(quote, pos)) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                if (!triple) {
                    break;
                }
                line++;
            }
            if (c == '\\' && pos + 1 < src.length() && !(triple && kotlin)) {
                char escaped = src.charAt(pos + 1);
                literal.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
                literalRaw.append(c).append(escaped);
                pos += 2;
                continue;
            }
            if (templates && c == '$' && pos + 1 < src.length()) {
                int end = template(pos);
                if (end > pos) {
                    if (!literal.isEmpty()) {
                        parts.add(new Part(false, literal.toString(), literalRaw.toString()));
                        literal.setLength(0);
                        literalRaw.setLength(0);
                    }
                    String raw = src.substring(pos, end);
                    String expression = raw.startsWith("${") ? raw.substring(2, raw.length() - 1) : raw.substring(1);
                    parts.add(new Part(true, expression.trim(), raw));
                    pos = end;
                    continue;
                }
            }
            literal.append(c);
            literalRaw.append(c);
            pos++;
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(false, literal.toString(), literalRaw.toString()));
        }
        String raw = src.substring(contentStart, Math.min(pos, src.length()));
        if (src.startsWith(quote, pos)) {
            pos += quote.length();
        }
        tokens.add(new Token(Kind.STRING, raw, startLine, parts));
    }

    /** The end of a template starting with {@code $} at {@code at}, or {@code at} when it is a plain dollar sign. */
    private int template(int at) {
        if (src.charAt(at + 1) == '{') {
            int depth = 0;
            for (int i = at + 1; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\n') {
                    return at;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i + 1;
                } else if (c == '"' || c == '\'') {
                    int close = src.indexOf(c, i + 1);
                    if (close < 0) {
                        return at;
                    }
                    i = close;
                }
            }
            return at;
        }
        int i = at + 1;
        if (i >= src.length() || !Character.isJavaIdentifierStart(src.charAt(i))) {
            return at;
        }
        while (i < src.length()) {
            while (i < src.length() && Character.isJavaIdentifierPart(src.charAt(i))) {
                i++;
            }
            // Groovy reads "$a.b" as a property path; Kotlin stops at the first name.
            if (!kotlin && i + 1 < src.length() && src.charAt(i) == '.'
                    && Character.isJavaIdentifierStart(src.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
