package dev.depscan.manifest.sbt;

import dev.depscan.manifest.sbt.SbtLexer.Kind;
import dev.depscan.manifest.sbt.SbtLexer.Token;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.TreeReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads sbt builds without running sbt: every {@code "group" % "artifact" % "version"} module ID written in an sbt
 * file or in {@code project/*.scala}, wherever it appears ({@code libraryDependencies += ...}, {@code Seq(...)}, a
 * {@code val} in {@code object Dependencies}).
 *
 * <p>Accepted: any {@code *.sbt} file (sbt loads them all from a project's directory, {@code project/plugins.sbt}
 * included) and {@code project/*.scala} outside {@code src/} trees.
 *
 * <p>{@code %%} and {@code %%%} modules are reported as {@code group:artifact} without a Scala suffix such as
 * {@code _2.13}: which Scala versions a build targets ({@code crossScalaVersions}) is build logic, not a declaration.
 * Scopes: none, {@code Compile}, {@code Runtime} as {@code RUNTIME}; {@code Test}, {@code IntegrationTest},
 * {@code "test"}, {@code "it"}, {@code "test,it"} as {@code TEST}; {@code Provided} as {@code PROVIDED};
 * {@code Optional} as {@code OPTIONAL}; inside {@code addSbtPlugin(...)} as {@code BUILD}; {@code dependencyOverrides}
 * as {@code MANAGED}. {@code excludeDependencies} and {@code exclude(...)} are not dependencies. Versions given by
 * {@code val}s (also {@code Versions.x} members of {@code object}s in {@code project/*.scala}) and {@code s"..."}
 * interpolation are resolved; otherwise the version is reported as written.
 */
public final class SbtBuildParser implements ManifestParser {

    static final String ID = "sbt/build";

    private static final Pattern PROJECT_SCALA = Pattern.compile("(^|.*/)project/[^/]+\\.scala");
    private static final Set<String> MODULE_OPERATORS = Set.of("%", "%%", "%%%");
    private static final Set<String> ASSIGNMENTS = Set.of("+=", "++=", ":=");
    private static final int MAX_DEPTH = 16;
    private static final int MAX_PROJECT_FILES = 64;

    public SbtBuildParser() {
        // Stateless: one instance serves every scan.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        if (path.endsWith(".sbt")) {
            return true;
        }
        return PROJECT_SCALA.matcher(path).matches() && !path.startsWith("src/") && !path.contains("/src/");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        List<Dependency> found = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        try {
            new Reading(input, found, issues).read();
        } catch (RuntimeException e) {
            issues.add(new ScanIssue(input.path(), 0, ID, "could not read the sbt file completely: " + e));
        }
        return new ParseResult(found, issues);
    }

    /** An operand of a module ID: a string literal or a (qualified) name. */
    private record Operand(Optional<Token> string, String name, int line) {
    }

    private record Parsed(Operand operand, int end) {
    }

    /** One parse of one file. */
    private static final class Reading {
        private final String path;
        private final List<Token> tokens;
        private final TreeReader tree;
        private final List<Dependency> found;
        private final List<ScanIssue> issues;
        private final Map<String, List<Operand>> values = new HashMap<>();
        private final Map<String, List<Operand>> unqualified = new HashMap<>();
        private int depth;

        Reading(ManifestInput input, List<Dependency> found, List<ScanIssue> issues) {
            this.path = input.path();
            this.tokens = SbtLexer.lex(input.text());
            this.tree = input.tree();
            this.found = found;
            this.issues = issues;
        }

        void read() {
            collectValues(tokens);
            for (String other : buildFiles()) {
                tree.readText(other).ifPresent(text -> collectValues(SbtLexer.lex(text)));
            }
            Scope[] regions = regions();
            int i = 0;
            while (tokens.get(i).kind() != Kind.EOF) {
                int end = i > 0 && tokens.get(i - 1).is(".") ? i : module(i, regions);
                i = end > i ? end : i + 1;
            }
            if (unbalanced()) {
                issues.add(new ScanIssue(path, tokens.getLast().line(), ID,
                        "brackets do not match; declarations after this point may be missed"));
            }
        }

        /** Other files whose {@code val}s this file can see: {@code project/*.scala|sbt} of its build and parents. */
        private List<String> buildFiles() {
            String dir = parent(path);
            if (dir.equals("project") || dir.endsWith("/project")) {
                dir = parent(dir);
            }
            List<String> files = new ArrayList<>();
            List<String> all = tree.paths();
            while (true) {
                String projectDir = dir.isEmpty() ? "project/" : dir + "/project/";
                all.stream().filter(p -> p.startsWith(projectDir) && p.indexOf('/', projectDir.length()) < 0)
                        .filter(p -> p.endsWith(".scala") || p.endsWith(".sbt")).filter(p -> !p.equals(path))
                        .forEach(files::add);
                if (dir.isEmpty()) {
                    break;
                }
                dir = parent(dir);
            }
            return files.stream().limit(MAX_PROJECT_FILES).toList();
        }

        // -------------------------------------------------------------------------------------- values

        /** Records {@code val x = ...} (and {@code lazy val}, {@code var}), qualified by enclosing {@code object}s. */
        private void collectValues(List<Token> source) {
            List<String> frames = new ArrayList<>();
            String pendingObject = null;
            for (int i = 0; i < source.size(); i++) {
                Token token = source.get(i);
                if (token.is("object") && i + 1 < source.size() && source.get(i + 1).kind() == Kind.IDENT) {
                    pendingObject = source.get(i + 1).text();
                } else if (token.is("{")) {
                    frames.add(pendingObject == null ? "" : pendingObject);
                    pendingObject = null;
                } else if (token.is("}")) {
                    if (!frames.isEmpty()) {
                        frames.removeLast();
                    }
                } else if ((token.is("val") || token.is("var")) && i + 1 < source.size()
                        && source.get(i + 1).kind() == Kind.IDENT) {
                    String name = source.get(i + 1).text();
                    int k = i + 2;
                    if (k < source.size() && source.get(k).is(":")) {
                        k++;
                        while (k < source.size() && (source.get(k).kind() == Kind.IDENT || source.get(k).is("."))) {
                            k++;
                        }
                    }
                    if (k < source.size() && source.get(k).is("=")) {
                        List<Operand> value = valueAt(source, k + 1);
                        if (!value.isEmpty()) {
                            String prefix = String.join(".", frames.stream().filter(f -> !f.isEmpty()).toList());
                            values.putIfAbsent(prefix.isEmpty() ? name : prefix + "." + name, value);
                            unqualified.putIfAbsent(name, value);
                        }
                    }
                }
            }
        }

        /** {@code operand (+ operand)*} not followed by a module operator (a {@code ModuleID} is not a string). */
        private List<Operand> valueAt(List<Token> source, int k) {
            List<Operand> value = new ArrayList<>();
            int at = k;
            while (true) {
                Optional<Parsed> parsed = operand(source, at);
                if (parsed.isEmpty()) {
                    return List.of();
                }
                value.add(parsed.get().operand());
                at = parsed.get().end();
                if (at < source.size() && source.get(at).is("+")) {
                    at++;
                    continue;
                }
                if (at < source.size() && MODULE_OPERATORS.contains(source.get(at).text())) {
                    return List.of();
                }
                return value;
            }
        }

        private static Optional<Parsed> operand(List<Token> source, int k) {
            if (k >= source.size()) {
                return Optional.empty();
            }
            Token token = source.get(k);
            if (token.kind() == Kind.STRING) {
                return Optional.of(new Parsed(new Operand(Optional.of(token), token.text(), token.line()), k + 1));
            }
            if (token.kind() != Kind.IDENT) {
                return Optional.empty();
            }
            StringBuilder name = new StringBuilder(token.text());
            int at = k + 1;
            while (at + 1 < source.size() && source.get(at).is(".") && source.get(at + 1).kind() == Kind.IDENT) {
                name.append('.').append(source.get(at + 1).text());
                at += 2;
            }
            return Optional.of(new Parsed(new Operand(Optional.empty(), name.toString(), token.line()), at));
        }

        private Optional<String> eval(List<Operand> operands) {
            StringBuilder out = new StringBuilder();
            for (Operand operand : operands) {
                Optional<String> value = eval(operand);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.append(value.get());
            }
            return Optional.of(out.toString());
        }

        private Optional<String> eval(Operand operand) {
            if (depth > MAX_DEPTH) {
                return Optional.empty();
            }
            depth++;
            try {
                if (operand.string().isPresent()) {
                    StringBuilder out = new StringBuilder();
                    for (SbtLexer.Part part : operand.string().get().parts()) {
                        if (!part.template()) {
                            out.append(part.text());
                            continue;
                        }
                        Optional<String> value = lookup(part.text());
                        if (value.isEmpty()) {
                            return Optional.empty();
                        }
                        out.append(value.get());
                    }
                    return Optional.of(out.toString());
                }
                return lookup(operand.name());
            } finally {
                depth--;
            }
        }

        private Optional<String> lookup(String name) {
            List<Operand> value = values.get(name);
            if (value == null) {
                value = unqualified.get(name.substring(name.lastIndexOf('.') + 1));
            }
            return value == null ? Optional.empty() : eval(value);
        }

        // -------------------------------------------------------------------------------------- modules

        /** Reads {@code g % a % v [% config]} at {@code i}; returns the index after it, or {@code i}. */
        private int module(int i, Scope[] regions) {
            Optional<Parsed> group = operand(tokens, i);
            if (group.isEmpty() || !MODULE_OPERATORS.contains(tokens.get(group.get().end()).text())) {
                return i;
            }
            int k = group.get().end() + 1;
            Optional<Parsed> artifact = operand(tokens, k);
            if (artifact.isEmpty() || !tokens.get(artifact.get().end()).is("%")) {
                return i;
            }
            Optional<Parsed> version = operand(tokens, artifact.get().end() + 1);
            if (version.isEmpty()) {
                return i;
            }
            int end = version.get().end();
            Optional<Operand> configuration = Optional.empty();
            if (tokens.get(end).is("%")) {
                Optional<Parsed> config = operand(tokens, end + 1);
                if (config.isPresent()) {
                    configuration = Optional.of(config.get().operand());
                    end = config.get().end();
                }
            }
            Optional<String> g = eval(group.get().operand());
            Optional<String> a = eval(artifact.get().operand());
            int line = group.get().operand().line();
            if (g.isEmpty() || a.isEmpty()) {
                if (group.get().operand().string().isPresent() || artifact.get().operand().string().isPresent()) {
                    issues.add(new ScanIssue(path, line, ID, "cannot resolve the organization or name of a module"));
                }
                return end;
            }
            Scope region = regions[i];
            if (region == null) {
                return end; // excludeDependencies
            }
            Scope scope = region != Scope.RUNTIME ? region : configuration.map(this::scopeOf).orElse(Scope.RUNTIME);
            Operand v = version.get().operand();
            Optional<String> resolved = eval(v);
            String text = resolved.orElse(v.string().isPresent() ? v.string().get().text() : v.name());
            found.add(new Dependency(Ecosystem.MAVEN, g.get() + ":" + a.get(), Optional.of(text),
                    resolved.filter(Reading::isConcrete), scope, true,
                    new Evidence(path, line, Evidence.Kind.MANIFEST, ID)));
            return end;
        }

        private Scope scopeOf(Operand configuration) {
            String text = configuration.string().isPresent()
                    ? eval(configuration).orElse(configuration.string().get().text())
                    : configuration.name().replaceFirst("\\.name$", "");
            List<String> names = new ArrayList<>();
            for (String part : text.split("[,;]")) {
                names.add(part.split("->")[0].strip().toLowerCase(Locale.ROOT));
            }
            if (names.stream().anyMatch(n -> n.equals("test") || n.equals("it") || n.equals("integrationtest"))) {
                return Scope.TEST;
            }
            if (names.contains("provided")) {
                return Scope.PROVIDED;
            }
            if (names.contains("optional")) {
                return Scope.OPTIONAL;
            }
            return Scope.RUNTIME;
        }

        /**
         * The scope each token's context imposes: {@code BUILD} inside {@code addSbtPlugin(...)}, {@code MANAGED} in a
         * {@code dependencyOverrides} setting, {@code null} in {@code excludeDependencies}, {@code RUNTIME} elsewhere
         * (meaning: decided by the module's own configuration).
         */
        private Scope[] regions() {
            Scope[] regions = new Scope[tokens.size()];
            Arrays.fill(regions, Scope.RUNTIME);
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.is("addSbtPlugin") && tokens.get(i + 1).is("(")) {
                    mark(regions, i, matching(i + 1), Scope.BUILD);
                } else if ((token.is("dependencyOverrides") || token.is("excludeDependencies"))
                        && ASSIGNMENTS.contains(tokens.get(i + 1).text())) {
                    mark(regions, i, statementEnd(i + 2), token.is("dependencyOverrides") ? Scope.MANAGED : null);
                }
            }
            return regions;
        }

        private static void mark(Scope[] regions, int from, int to, Scope scope) {
            for (int k = from; k <= to && k < regions.length; k++) {
                regions[k] = scope;
            }
        }

        /** The last token of the expression starting at {@code k}: to its closing bracket, or the end of the line. */
        private int statementEnd(int k) {
            int depth = 0;
            for (int at = k; at < tokens.size(); at++) {
                Token token = tokens.get(at);
                if (token.is("(") || token.is("{") || token.is("[")) {
                    depth++;
                } else if (token.is(")") || token.is("}") || token.is("]")) {
                    depth--;
                    if (depth < 0) {
                        return at - 1;
                    }
                } else if ((token.kind() == Kind.NEWLINE || token.kind() == Kind.EOF) && depth == 0) {
                    return at;
                }
            }
            return tokens.size() - 1;
        }

        private int matching(int open) {
            int depth = 0;
            for (int at = open; at < tokens.size(); at++) {
                if (tokens.get(at).is("(")) {
                    depth++;
                } else if (tokens.get(at).is(")") && --depth == 0) {
                    return at;
                }
            }
            return tokens.size() - 1;
        }

        private boolean unbalanced() {
            int round = 0;
            int curly = 0;
            for (Token token : tokens) {
                round += token.is("(") ? 1 : token.is(")") ? -1 : 0;
                curly += token.is("{") ? 1 : token.is("}") ? -1 : 0;
                if (round < 0 || curly < 0) {
                    return true;
                }
            }
            return round != 0 || curly != 0;
        }

        private static boolean isConcrete(String version) {
            return !version.isBlank() && !version.contains("+") && !version.startsWith("latest.")
                    && version.chars().noneMatch(c -> "[](),$".indexOf(c) >= 0 || Character.isWhitespace(c));
        }

        private static String parent(String path) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }
    }
}
