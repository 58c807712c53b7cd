package dev.depscan.imports.javascript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A single-pass JavaScript/TypeScript tokenizer, just precise enough to find module specifiers: it knows comments,
 * string literals, template literals (with nested {@code ${...}} code) and regular-expression literals (told from
 * division by the previous token, as the language grammar does), so text inside them never looks like code.
 * Unterminated strings end at the line's end, so one stray quote (JSX text such as {@code Don't}) cannot swallow the
 * rest of a file.
 */
final class JsTokens {

    enum Kind { IDENT, STRING, PUNCT }

    /** One token; {@code text} is the identifier, the punctuator, or a string's value (null for a template with code). */
    record Token(Kind kind, String text, int line) {

        boolean is(String value) {
            return kind != Kind.STRING && value.equals(text);
        }
    }

    private static final Set<String> REGEX_AFTER_WORD = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private JsTokens() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Deque<Integer> templateDepths = new ArrayDeque<>();
        int depth = 0;
        int n = text.length();
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                int start = line;
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        if (text.charAt(i + 1) == '\n') {
                            line++;
                        }
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        value.append(text.charAt(i++));
                    }
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else if (c == '`' || c == '}' && !templateDepths.isEmpty() && templateDepths.peek() == depth) {
                if (c == '}') {
                    templateDepths.pop();
                    depth--;
                }
                int start = line;
                StringBuilder value = new StringBuilder();
                boolean code = c == '}';
                i++;
                while (i < n && text.charAt(i) != '`') {
                    char t = text.charAt(i);
                    if (t == '\\' && i + 1 < n) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (t == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
                        code = true;
                        depth++;
                        templateDepths.push(depth);
                        i += 2;
                        break;
                    }
                    if (t == '\n') {
                        line++;
                    }
                    value.append(t);
                    i++;
                }
                if (i < n && text.charAt(i) == '`') {
                    i++;
                }
                tokens.add(new Token(Kind.STRING, code ? null : value.toString(), start));
            } else if (c == '/' && regexAllowed(tokens)) {
                i++;
                boolean inClass = false;
                while (i < n && text.charAt(i) != '\n') {
                    char r = text.charAt(i);
                    if (r == '\\') {
                        i += 2;
                        continue;
                    }
                    if (r == '[') {
                        inClass = true;
                    } else if (r == ']') {
                        inClass = false;
                    } else if (r == '/' && !inClass) {
                        break;
                    }
                    i++;
                }
                i++;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.PUNCT, "regex", line));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), line));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.PUNCT, "number", line));
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static boolean regexAllowed(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.getLast();
        return switch (last.kind()) {
            case STRING -> false;
            case IDENT -> REGEX_AFTER_WORD.contains(last.text());
            case PUNCT -> !(last.is(")") || last.is("]") || last.is("}") || last.is("number") || last.is("regex"));
        };
    }
}
