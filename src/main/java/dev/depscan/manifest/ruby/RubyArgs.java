package dev.depscan.manifest.ruby;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the argument list of one Ruby method call written with literals ({@code "rails", "~> 7.1", require: false,
 * group: [:test]}) into positional string literals and keyword arguments, and strips comments. Anything that is not a
 * literal (a variable, an interpolated string, a method call) is kept as an opaque value, so a call is never
 * evaluated, only read.
 */
final class RubyArgs {

    /** A positional string (or symbol) literal, or a keyword argument with its raw value. */
    record Arg(Optional<String> key, String value, boolean literal) {
    }

    private RubyArgs() {
    }

    /** The code of a line without its comment ({@code #} outside a string literal). */
    static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Whether the code ends inside an open bracket or with a comma, so the call goes on on the next line. */
    static boolean continues(String code) {
        String trimmed = code.strip();
        if (trimmed.endsWith(",") || trimmed.endsWith("(") || trimmed.endsWith("[")) {
            return true;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth > 0;
    }

    /** The arguments of {@code text}, which starts right after the method name. */
    static List<Arg> parse(String text) {
        String body = text.strip();
        if (body.startsWith("(")) {
            int close = matching(body, 0);
            body = body.substring(1, close < 0 ? body.length() : close);
        }
        List<Arg> args = new ArrayList<>();
        for (String part : splitTopLevel(body)) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            Optional<String> key = Optional.empty();
            int colon = keywordColon(item);
            if (colon > 0) {
                key = Optional.of(item.substring(0, colon).strip().replaceFirst("^:", ""));
                item = item.substring(colon + (item.startsWith(":") || item.charAt(colon) == '=' ? 2 : 1)).strip();
            }
            Optional<String> literal = literal(item);
            args.add(new Arg(key, literal.orElse(item), literal.isPresent()));
        }
        return args;
    }

    /** The strings an argument holds: itself when it is a literal, else the literals of an array literal. */
    static List<String> values(Arg arg) {
        return arg.literal() ? List.of(arg.value()) : strings(arg.value());
    }

    /** String literals inside an array literal ({@code [">= 1", "< 2"]}), or the single literal given. */
    static List<String> strings(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String part : splitTopLevel(trimmed.substring(1, trimmed.length() - 1))) {
                literal(part.strip()).ifPresent(items::add);
            }
            return items;
        }
        return literal(trimmed).map(List::of).orElse(List.of());
    }

    /** The text of a plain string literal or symbol; empty for anything else (interpolation included). */
    static Optional<String> literal(String item) {
        if (item.length() >= 2 && (item.charAt(0) == '"' || item.charAt(0) == '\'')
                && item.charAt(item.length() - 1) == item.charAt(0)) {
            String inner = item.substring(1, item.length() - 1);
            if (item.charAt(0) == '"' && inner.contains("#{")) {
                return Optional.empty();
            }
            return Optional.of(inner.replace("\\\\", "\\").replace("\\" + item.charAt(0), String.valueOf(item.charAt(0))));
        }
        if (item.startsWith(":") && item.length() > 1 && item.substring(1).matches("[A-Za-z_][A-Za-z0-9_?!]*")) {
            return Optional.of(item.substring(1));
        }
        return Optional.empty();
    }

    /** {@code key: value} or {@code :key => value}: the index of the ':' or '=' of the separator, or -1. */
    private static int keywordColon(String item) {
        if (item.startsWith(":")) {
            int arrow = item.indexOf("=>");
            return arrow > 0 && item.substring(1, arrow).strip().matches("[A-Za-z_][A-Za-z0-9_]*") ? arrow : -1;
        }
        int i = 0;
        while (i < item.length() && (Character.isLetterOrDigit(item.charAt(i)) || item.charAt(i) == '_')) {
            i++;
        }
        return i > 0 && i < item.length() && item.charAt(i) == ':' && (i + 1 >= item.length() || item.charAt(i + 1) != ':')
                ? i : -1;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int matching(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
