package dev.depscan.manifest.python;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setup.py}, read as text and never executed: the literal arguments of the {@code setup(...)} call.
 *
 * <p>{@code install_requires} is RUNTIME, {@code setup_requires} BUILD, {@code tests_require} TEST and every list of
 * {@code extras_require} OPTIONAL. A value is read when it is a literal: a list or tuple of strings, a dict of such
 * lists, a name bound at module level to one, or a sum of those ({@code BASE + ["x"]}). Anything computed
 * ({@code open("requirements.txt").read().splitlines()}) becomes an issue saying it was not read; when that reads a
 * requirements file, the requirements parser reports its contents anyway.
 */
public final class SetupPyParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "python/setup-py";

    private static final Map<String, Scope> KEYWORDS = Map.of(
            "install_requires", Scope.RUNTIME,
            "setup_requires", Scope.BUILD,
            "tests_require", Scope.TEST);
    private static final int MAX_DEPTH = 16;

    public SetupPyParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("setup.py") || path.endsWith("/setup.py");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Token> tokens = new Tokenizer(input.text()).tokens();
        Evaluator evaluator = new Evaluator(tokens);
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        for (int call : evaluator.setupCalls()) {
            for (Map.Entry<String, Integer> argument : evaluator.keywordArguments(call).entrySet()) {
                String keyword = argument.getKey();
                int at = argument.getValue();
                if (at >= tokens.size()) {
                    int last = tokens.isEmpty() ? 0 : tokens.getLast().line();
                    issues.add(new ScanIssue(input.path(), last, ID, keyword + " has no value; the file ends first"));
                    continue;
                }
                int line = tokens.get(at).line();
                if (KEYWORDS.containsKey(keyword)) {
                    Optional<List<Token>> values = evaluator.list(at, 0);
                    if (values.isEmpty()) {
                        issues.add(new ScanIssue(input.path(), line, ID, keyword + " is computed; not read"));
                        continue;
                    }
                    values.get().forEach(value -> add(value, KEYWORDS.get(keyword), input.path(), dependencies, issues));
                } else if (keyword.equals("extras_require")) {
                    Optional<Map<String, List<Token>>> extras = evaluator.dict(at, 0);
                    if (extras.isEmpty()) {
                        issues.add(new ScanIssue(input.path(), line, ID, "extras_require is computed; not read"));
                        continue;
                    }
                    extras.get().values().forEach(list -> list.forEach(
                            value -> add(value, Scope.OPTIONAL, input.path(), dependencies, issues)));
                }
            }
        }
        return new ParseResult(dependencies, issues);
    }

    private static void add(Token value, Scope scope, String path, List<Dependency> dependencies,
                            List<ScanIssue> issues) {
        String text = value.text().strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        Optional<Pep508.Requirement> requirement = Pep508.parse(text);
        if (requirement.isEmpty()) {
            issues.add(new ScanIssue(path, value.line(), ID, "not a PEP 508 requirement: '" + text + "'"));
            return;
        }
        dependencies.add(new Dependency(Ecosystem.PYPI, requirement.get().name(), requirement.get().specifier(),
                requirement.get().exactVersion(), scope, true, new Evidence(path, value.line(), Evidence.Kind.MANIFEST,
                                                                            ID)));
    }

    /** A token of Python source: a string's value, a name, or one operator character. */
    private record Token(Kind kind, String text, int line) {
        enum Kind { STRING, NAME, OP, OTHER }

        boolean is(String op) {
            return kind == Kind.OP && text.equals(op);
        }
    }

    /** Python's lexical structure as far as literals need it: strings (all quote forms), names, comments. */
    private static final class Tokenizer {

        private final String src;
        private final List<Token> tokens = new ArrayList<>();
        private int pos;
        private int line = 1;

        Tokenizer(String src) {
            this.src = src;
        }

        List<Token> tokens() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (c == '#') {
                    while (pos < src.length() && src.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '"' || c == '\'') {
                    string(pos);
                } else if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                        pos++;
                    }
                    String word = src.substring(start, pos);
                    boolean prefix = word.length() <= 2 && word.toLowerCase(Locale.ROOT).matches("[rbuf]{1,2}");
                    if (prefix && pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
                        string(pos);
                    } else {
                        tokens.add(new Token(Token.Kind.NAME, word, line));
                    }
                } else if (Character.isWhitespace(c) || c == '\\') {
                    pos++;
                } else if (c == '=' && pos + 1 < src.length() && src.charAt(pos + 1) == '=') {
                    tokens.add(new Token(Token.Kind.OTHER, "==", line));
                    pos += 2;
                } else {
                    tokens.add(new Token(Character.isDigit(c) ? Token.Kind.OTHER : Token.Kind.OP, String.valueOf(c), line));
                    pos++;
                }
            }
            return tokens;
        }

        private void string(int at) {
            char quote = src.charAt(at);
            boolean triple = src.startsWith(String.valueOf(quote).repeat(3), at);
            int startLine = line;
            pos = at + (triple ? 3 : 1);
            StringBuilder value = new StringBuilder();
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\\' && pos + 1 < src.length()) {
                    value.append(src.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                    pos += triple ? 3 : 1;
                    break;
                }
                if (c == '\n') {
                    line++;
                    if (!triple) {
                        pos++;
                        break;
                    }
                }
                value.append(c);
                pos++;
            }
            tokens.add(new Token(Token.Kind.STRING, value.toString(), startLine));
        }
    }

    /** Evaluates the literal expressions of a token list, following module-level names. */
    private static final class Evaluator {

        private final List<Token> tokens;
        private final Map<String, Integer> assignments = new HashMap<>();

        Evaluator(List<Token> tokens) {
            this.tokens = tokens;
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.is("(") || token.is("[") || token.is("{")) {
                    depth++;
                } else if (token.is(")") || token.is("]") || token.is("}")) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && token.kind() == Token.Kind.NAME && i + 1 < tokens.size()
                           && tokens.get(i + 1).is("=") && (i == 0 || !tokens.get(i - 1).is("."))) {
                    assignments.put(token.text(), i + 2);
                }
            }
        }

        /** Indexes of the {@code (} of every {@code setup(} / {@code setuptools.setup(} call. */
        List<Integer> setupCalls() {
            List<Integer> calls = new ArrayList<>();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).kind() == Token.Kind.NAME && tokens.get(i).text().equals("setup")
                    && tokens.get(i + 1).is("(") && (i == 0 || !tokens.get(i - 1).text().equals("def"))) {
                    calls.add(i + 1);
                }
            }
            return calls;
        }

        /** keyword → index of its value, for the call whose {@code (} is at {@code open}. */
        Map<String, Integer> keywordArguments(int open) {
            Map<String, Integer> arguments = new LinkedHashMap<>();
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.is("(") || token.is("[") || token.is("{")) {
                    depth++;
                } else if (token.is(")") || token.is("]") || token.is("}")) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                } else if (depth == 1 && token.kind() == Token.Kind.NAME && i + 1 < tokens.size()
                           && tokens.get(i + 1).is("=")) {
                    arguments.put(token.text(), i + 2);
                }
            }
            return arguments;
        }

        /** The strings of a list expression at {@code at}: literals, names bound to them, and their sums. */
        Optional<List<Token>> list(int at, int depth) {
            List<Token> values = new ArrayList<>();
            int i = at;
            while (true) {
                Optional<Span> term = term(i, depth);
                if (term.isEmpty()) {
                    return Optional.empty();
                }
                values.addAll(term.get().values());
                i = term.get().end();
                if (i < tokens.size() && tokens.get(i).is("+")) {
                    i++;
                    continue;
                }
                return end(i) ? Optional.of(values) : Optional.empty();
            }
        }

        /** A dict of lists at {@code at}, or a name bound to one. */
        Optional<Map<String, List<Token>>> dict(int at, int depth) {
            if (depth > MAX_DEPTH || at >= tokens.size()) {
                return Optional.empty();
            }
            Token first = tokens.get(at);
            if (first.kind() == Token.Kind.NAME && assignments.containsKey(first.text())) {
                return end(at + 1) ? dict(assignments.get(first.text()), depth + 1) : Optional.empty();
            }
            if (!first.is("{")) {
                return Optional.empty();
            }
            Map<String, List<Token>> entries = new LinkedHashMap<>();
            int i = at + 1;
            while (i < tokens.size() && !tokens.get(i).is("}")) {
                Token key = tokens.get(i);
                if (key.kind() != Token.Kind.STRING || i + 1 >= tokens.size() || !tokens.get(i + 1).is(":")) {
                    return Optional.empty();
                }
                Optional<Span> value = term(i + 2, depth);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                entries.put(key.text(), value.get().values());
                i = value.get().end();
                if (i < tokens.size() && tokens.get(i).is(",")) {
                    i++;
                }
            }
            return Optional.of(entries);
        }

        /** One list/tuple literal, a single string, or a name bound to a list. */
        private Optional<Span> term(int at, int depth) {
            if (depth > MAX_DEPTH || at >= tokens.size()) {
                return Optional.empty();
            }
            Token first = tokens.get(at);
            if (first.kind() == Token.Kind.STRING) {
                return Optional.of(new Span(List.of(first), at + 1));
            }
            if (first.kind() == Token.Kind.NAME && assignments.containsKey(first.text())) {
                return list(assignments.get(first.text()), depth + 1).map(values -> new Span(values, at + 1));
            }
            String close = first.is("[") ? "]" : first.is("(") ? ")" : "";
            if (close.isEmpty()) {
                return Optional.empty();
            }
            List<Token> values = new ArrayList<>();
            int i = at + 1;
            while (i < tokens.size() && !tokens.get(i).is(close)) {
                Token token = tokens.get(i);
                if (token.kind() == Token.Kind.STRING) {
                    values.add(token);
                } else if (!token.is(",")) {
                    return Optional.empty();
                }
                i++;
            }
            return i < tokens.size() ? Optional.of(new Span(values, i + 1)) : Optional.empty();
        }

        /** Whether the expression ends at {@code i}: end of input, a comma or a closing bracket follows. */
        private boolean end(int i) {
            return i >= tokens.size() || tokens.get(i).is(",") || tokens.get(i).is(")") || tokens.get(i).is("]")
                   || tokens.get(i).is("}") || tokens.get(i).kind() == Token.Kind.NAME;
        }

        private record Span(List<Token> values, int end) {
        }
    }
}
