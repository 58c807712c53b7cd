package dev.depscan.manifest.gradle;

import dev.depscan.manifest.gradle.GradleLexer.Kind;
import dev.depscan.manifest.gradle.GradleLexer.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one build script (or settings script, or Kotlin source of {@code buildSrc}) says, read statement by statement
 * from its tokens: variables, dependency declarations, plugin requests, applied scripts and version catalogs.
 * Blocks are tracked by name, so {@code dependencies { }} inside {@code buildscript { }} or {@code constraints { }}
 * is told apart. Nothing is evaluated here; {@link GradleResolver} resolves the expressions.
 */
final class GradleScript {

    /**
     * One dependency notation in a {@code dependencies} block.
     *
     * @param configuration  e.g. {@code implementation}, {@code classpath}
     * @param notation       the argument: a string, a catalog reference, a map, {@code platform(...)}, ...
     * @param closureVersion {@code strictly}/{@code require}/{@code prefer} from a trailing {@code version { }} block
     * @param line           1-based line of the notation
     * @param buildscript    inside {@code buildscript { }}
     * @param constraint     inside {@code constraints { }}
     */
    record Declaration(String configuration, GradleExpr notation, Optional<GradleExpr> closureVersion, int line,
                       boolean buildscript, boolean constraint) {
        Declaration {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(notation, "notation");
            Objects.requireNonNull(closureVersion, "closureVersion");
        }
    }

    /**
     * A plugin request in a {@code plugins { }} block.
     *
     * @param plugin  {@code id("x")}'s argument, a {@code kotlin("jvm")} call, or an {@code alias(...)} catalog reference
     * @param version the {@code version "x"} part, if any
     */
    record PluginRequest(GradleExpr plugin, Optional<GradleExpr> version, int line) {
        PluginRequest {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * One open block: the name before its brace, a string label ({@code named("x")}), whether it is a Kotlin
     * {@code object}, and its owner: the source set or receiver it configures ({@code commonTest} for
     * {@code commonTest.dependencies { }} or {@code val commonTest by getting { }}, {@code Deps.Kotlinx} for
     * {@code with(Deps.Kotlinx) { }}), or empty.
     */
    private record Frame(String name, String label, boolean object, String owner) {
    }

    private static final Set<String> MODIFIERS = Set.of("private", "internal", "public", "protected", "const", "final",
            "override", "lateinit", "static", "inline");
    private static final Set<String> NOT_CONFIGURATIONS = Set.of("with", "if", "else", "for", "while", "when", "return",
            "val", "var", "def", "println", "print", "constraints", "components", "modules", "project", "configurations",
            "attributesSchema", "artifactTypes", "registerTransform", "platform", "enforcedPlatform", "apply", "ext",
            "extra", "try", "catch", "throw", "import", "logger", "it", "this", "listOf", "setOf", "mapOf", "file",
            "files", "fileTree", "tasks", "task");
    /** Blocks whose plain assignments ({@code x = "1"}) define properties visible to the whole build script. */
    private static final Set<String> PROPERTY_BLOCKS = Set.of("ext", "allprojects", "subprojects", "buildscript",
            "project", "rootProject");

    /** Nested expressions followed before giving up; real scripts nest a handful deep. */
    private static final int MAX_NESTING = 64;

    private final List<Token> tokens;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, GradleExpr> variables = new LinkedHashMap<>();
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<PluginRequest> plugins = new ArrayList<>();
    private final List<GradleExpr> appliedScripts = new ArrayList<>();
    private final Map<String, GradleExpr> catalogs = new LinkedHashMap<>();
    private int unbalancedLine;
    private int nesting;

    private GradleScript(List<Token> tokens) {
        this.tokens = tokens;
    }

    static GradleScript read(String text, boolean kotlin) {
        GradleScript script = new GradleScript(GradleLexer.lex(text, kotlin));
        script.walk();
        return script;
    }

    /** One expression on its own, such as the source of a string template {@code ${libs.versions.x.get()}}. */
    static GradleExpr expression(String source, boolean kotlin) {
        GradleScript script = new GradleScript(GradleLexer.lex(source, kotlin));
        return script.expression(0).expr();
    }

    /** The line where braces stop matching (an extra close, or the end with blocks still open); 0 when they match. */
    int unbalancedLine() {
        return unbalancedLine;
    }

    /** Properties and variables by path ({@code kotlinVersion}, {@code versions.spring}, {@code Versions.kotlin}). */
    Map<String, GradleExpr> variables() {
        return Collections.unmodifiableMap(variables);
    }

    List<Declaration> declarations() {
        return List.copyOf(declarations);
    }

    List<PluginRequest> plugins() {
        return List.copyOf(plugins);
    }

    /** The {@code apply from:} arguments, in order. */
    List<GradleExpr> appliedScripts() {
        return List.copyOf(appliedScripts);
    }

    /** Settings only: version catalog name to the argument of its {@code from(files(...))}. */
    Map<String, GradleExpr> catalogs() {
        return Collections.unmodifiableMap(catalogs);
    }

    // ---------------------------------------------------------------------------------------------- statements

    private void walk() {
        int i = 0;
        boolean statementStart = true;
        while (kind(i) != Kind.EOF) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.NEWLINE || token.is(";")) {
                statementStart = true;
                i++;
            } else if (token.is("{")) {
                frames.add(frameAt(i));
                statementStart = true;
                i++;
            } else if (token.is("}")) {
                if (frames.isEmpty()) {
                    unbalancedLine = Math.max(unbalancedLine, token.line());
                } else {
                    frames.removeLast();
                }
                statementStart = true;
                i++;
            } else if (statementStart) {
                statementStart = false;
                int next = statement(i);
                i = next > i ? next : i + 1;
            } else {
                i++;
            }
        }
        if (!frames.isEmpty() && unbalancedLine == 0) {
            unbalancedLine = tokens.getLast().line();
        }
    }

    /** Reads the statement at {@code i}; returns the index after what it consumed, or {@code i} if it took nothing. */
    private int statement(int i) {
        String top = "";
        for (int f = frames.size() - 1; f >= 0; f--) {
            if (!frames.get(f).name().equals("with")) { // with(Receiver) { } only changes how bare names resolve
                top = frames.get(f).name();
                break;
            }
        }
        int j = i;
        while (kind(j) == Kind.IDENT && MODIFIERS.contains(text(j))) {
            j++;
        }
        if (isAny(j, "val", "var", "def")) {
            return declaration(j + 1);
        }
        if (kind(j) == Kind.IDENT && kind(j + 1) == Kind.IDENT && is(j + 2, "=") && !is(j + 3, "=")
                && Character.isUpperCase(text(j).charAt(0))) {
            return declaration(j + 1); // Groovy: String springVersion = '6.1.8'
        }
        if (top.equals("plugins")) {
            return plugin(j);
        }
        if (top.equals("dependencies") || top.equals("constraints") && inside("dependencies")) {
            int consumed = dependency(j);
            if (consumed > j) {
                return consumed;
            }
        }
        if (frames.size() >= 2 && frames.get(frames.size() - 2).name().equals("versionCatalogs") && is(j, "from")
                && is(j + 1, "(")) {
            Args args = args(j + 1);
            if (!args.positional().isEmpty()) {
                catalogs.put(frames.getLast().label(), args.positional().getFirst());
            }
            return args.end();
        }
        if (is(j, "apply") && (is(j + 1, "from") && is(j + 2, ":") || is(j + 1, "("))) {
            return applyFrom(j);
        }
        return assignment(j, top);
    }

    /** {@code val name = expr}, {@code val name: Type = expr}, {@code val name by extra(expr)}; j is at the name. */
    private int declaration(int j) {
        if (kind(j) != Kind.IDENT) {
            return j;
        }
        String name = prefix() + text(j);
        int k = j + 1;
        if (is(k, ":")) {
            k = skipType(k + 1);
        }
        if (is(k, "=") && !is(k + 1, "=")) {
            Parsed value = expression(k + 1);
            define(name, value.expr());
            return value.end();
        }
        if (is(k, "by") && is(k + 1, "extra") && is(k + 2, "(")) {
            Args args = args(k + 2);
            if (!args.positional().isEmpty()) {
                define(name, args.positional().getFirst());
            }
            return args.end();
        }
        return k;
    }

    private int skipType(int k) {
        while (kind(k) == Kind.IDENT || is(k, ".") || is(k, "?")) {
            k++;
        }
        if (is(k, "<")) {
            int depth = 0;
            while (kind(k) != Kind.EOF) {
                if (is(k, "<")) {
                    depth++;
                } else if (is(k, ">") && --depth == 0) {
                    return k + 1;
                }
                k++;
            }
        }
        return k;
    }

    /** {@code ext.x = e}, {@code extra["x"] = e}, {@code x = e} where assignments define build properties. */
    private int assignment(int j, String top) {
        if (kind(j) != Kind.IDENT) {
            return j;
        }
        Parsed target = chain(j);
        boolean explicit = isAny(j, "ext", "extra", "project", "rootProject");
        if (target.expr() instanceof GradleExpr.Call call && isAny(j, "ext", "extra", "set", "project", "rootProject")
                && call.name().equals("set") && call.args().size() == 2
                && call.args().getFirst() instanceof GradleExpr.Str key && key.parts().size() <= 1) {
            if (explicit || top.equals("ext")) {
                define(plain(key), call.args().get(1));
            }
            return target.end();
        }
        if (target.expr() instanceof GradleExpr.Ref ref && is(target.end(), "=") && !is(target.end() + 1, "=")
                && (explicit || frames.isEmpty() || PROPERTY_BLOCKS.contains(top) || frames.getLast().object())) {
            Parsed value = expression(target.end() + 1);
            define(prefix() + ref.joined(), value.expr());
            return value.end();
        }
        return j;
    }

    private void define(String name, GradleExpr value) {
        variables.put(name, value);
        if (value instanceof GradleExpr.MapLit map) {
            map.entries().forEach((key, entry) -> define(name + "." + key, entry));
        }
    }

    private int applyFrom(int j) {
        if (is(j + 1, "(")) {
            Args args = args(j + 1);
            GradleExpr from = args.named().get("from");
            if (from != null) {
                appliedScripts.add(from);
            }
            return args.end();
        }
        Parsed value = expression(j + 3);
        appliedScripts.add(value.expr());
        return value.end();
    }

    // ---------------------------------------------------------------------------------------------- plugins

    private int plugin(int j) {
        int line = line(j);
        GradleExpr plugin;
        int k;
        if (isAny(j, "id", "kotlin", "alias") && is(j + 1, "(")) {
            Args args = args(j + 1);
            if (args.positional().isEmpty()) {
                return args.end();
            }
            plugin = text(j).equals("kotlin")
                    ? new GradleExpr.Call("", "kotlin", args.positional(), Map.of())
                    : args.positional().getFirst();
            k = args.end();
        } else if (is(j, "id") && kind(j + 1) == Kind.STRING) {
            Parsed id = expression(j + 1);
            plugin = id.expr();
            k = id.end();
        } else {
            return j; // `java-library`, java, application: core plugins, nothing to resolve
        }
        Optional<GradleExpr> version = Optional.empty();
        if (is(k, "version")) {
            Parsed parsed = expression(k + 1);
            version = Optional.of(parsed.expr());
            k = parsed.end();
        } else if (is(k, ".") && is(k + 1, "version") && is(k + 2, "(")) {
            Args args = args(k + 2);
            version = args.positional().stream().findFirst();
            k = args.end();
        }
        plugins.add(new PluginRequest(plugin, version, line));
        return k;
    }

    // ---------------------------------------------------------------------------------------------- dependencies

    private int dependency(int j) {
        String configuration;
        if (kind(j) == Kind.IDENT && !NOT_CONFIGURATIONS.contains(text(j))) {
            configuration = text(j);
        } else if (kind(j) == Kind.STRING && is(j + 1, "(")) {
            configuration = tokens.get(j).text(); // Kotlin: "kapt"(libs.x)
        } else {
            return j;
        }
        if (configuration.equals("add") && is(j + 1, "(")) {
            Args args = args(j + 1);
            if (args.positional().size() >= 2 && args.positional().getFirst() instanceof GradleExpr.Str config) {
                record(plain(config), args.positional().get(1), Optional.empty(), line(j));
            }
            return args.end();
        }
        List<GradleExpr> notations = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int end;
        if (is(j + 1, "(")) {
            Args args = args(j + 1);
            notations.addAll(args.positional());
            lines.addAll(args.lines());
            end = args.end();
            if (!args.named().isEmpty()) {
                notations.add(new GradleExpr.MapLit(args.named()));
                lines.add(line(j));
            }
        } else if (startsGroovyArgument(j + 1)) {
            Args args = commandArgs(j + 1);
            notations.addAll(args.positional());
            lines.addAll(args.lines());
            end = args.end();
            if (!args.named().isEmpty()) {
                notations.add(new GradleExpr.MapLit(args.named()));
                lines.add(line(j));
            }
        } else {
            return j;
        }
        Optional<GradleExpr> closureVersion = Optional.empty();
        if (is(end, "{")) {
            int close = matching(end);
            closureVersion = richVersion(end + 1, close);
            end = close + 1;
        }
        for (int n = 0; n < notations.size(); n++) {
            record(configuration, notations.get(n), closureVersion, lines.get(n));
        }
        return end;
    }

    private void record(String configuration, GradleExpr notation, Optional<GradleExpr> closureVersion, int line) {
        declarations.add(new Declaration(qualified(configuration), receiverQualified(notation), closureVersion, line,
                inside("buildscript"), inside("constraints")));
    }

    private boolean startsGroovyArgument(int k) {
        Kind kind = kind(k);
        return kind == Kind.STRING || kind == Kind.IDENT && !isAny(k, "as", "in", "by", "version") || is(k, "[");
    }

    /** {@code strictly("1.0")}, {@code require "1.0"} or {@code prefer(...)} between two token indexes. */
    private Optional<GradleExpr> richVersion(int from, int to) {
        Map<String, GradleExpr> found = new LinkedHashMap<>();
        for (int k = from; k < to; k++) {
            if (isAny(k, "strictly", "require", "prefer") && !found.containsKey(text(k))) {
                int at = is(k + 1, "(") ? k + 2 : k + 1;
                if (kind(at) == Kind.STRING || kind(at) == Kind.IDENT) {
                    found.put(text(k), expression(at).expr());
                }
            }
        }
        for (String kind : List.of("strictly", "require", "prefer")) {
            if (found.containsKey(kind)) {
                return Optional.of(found.get(kind));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- expressions

    record Parsed(GradleExpr expr, int end) {
    }

    record Args(List<GradleExpr> positional, List<Integer> lines, Map<String, GradleExpr> named, int end) {
    }

    /** {@code term (+ term)*}, then an ignored {@code as Type} or {@code !!}. */
    private Parsed expression(int i) {
        Parsed first = term(i);
        List<GradleExpr> items = new ArrayList<>(List.of(first.expr()));
        int k = first.end();
        while (is(k, "+") && !is(k + 1, "=")) {
            int next = k + 1;
            while (kind(next) == Kind.NEWLINE) {
                next++;
            }
            Parsed more = term(next);
            items.add(more.expr());
            k = more.end();
        }
        if (is(k, "as") && kind(k + 1) == Kind.IDENT) {
            k += 2;
        }
        while (is(k, "!") || is(k, "?")) {
            k++;
        }
        return new Parsed(items.size() == 1 ? items.getFirst() : new GradleExpr.Concat(items), k);
    }

    private Parsed term(int i) {
        Token token = tokens.get(i);
        if (nesting >= MAX_NESTING) {
            // Deeper than any real build script: skip it rather than risk the stack.
            boolean bracket = token.is("(") || token.is("[") || token.is("{");
            return new Parsed(new GradleExpr.Unknown("..."), bracket ? matching(i) + 1 : i + 1);
        }
        nesting++;
        try {
            return termAt(i, token);
        } finally {
            nesting--;
        }
    }

    private Parsed termAt(int i, Token token) {
        return switch (token.kind()) {
            case STRING -> new Parsed(new GradleExpr.Str(token.parts(), token.text()), i + 1);
            case NUMBER -> new Parsed(GradleExpr.Str.literal(token.text()), i + 1);
            case IDENT -> chain(i);
            case PUNCT -> {
                if (token.is("[")) {
                    yield literal(i);
                }
                if (token.is("(")) {
                    Parsed inner = expression(i + 1);
                    int close = is(inner.end(), ")") ? inner.end() : matching(i);
                    yield new Parsed(inner.expr(), close + 1);
                }
                yield new Parsed(new GradleExpr.Unknown(token.text()), i + 1);
            }
            default -> new Parsed(new GradleExpr.Unknown(token.text()), i);
        };
    }

    /** A Groovy {@code [a: x, b: y]} map or {@code [x, y]} list. */
    private Parsed literal(int open) {
        int close = matching(open);
        Map<String, GradleExpr> entries = new LinkedHashMap<>();
        List<GradleExpr> items = new ArrayList<>();
        int k = open + 1;
        while (k < close) {
            if (kind(k) == Kind.NEWLINE || is(k, ",")) {
                k++;
                continue;
            }
            if ((kind(k) == Kind.IDENT || kind(k) == Kind.STRING) && is(k + 1, ":")) {
                String key = kind(k) == Kind.STRING ? plainText(tokens.get(k)) : text(k);
                Parsed value = expression(k + 2);
                entries.put(key, value.expr());
                k = skipToSeparator(value.end(), close);
            } else if (is(k, ":")) {
                k++; // [:] is an empty map
            } else {
                Parsed value = expression(k);
                items.add(value.expr());
                k = skipToSeparator(value.end(), close);
            }
        }
        GradleExpr result = entries.isEmpty() && !items.isEmpty() ? new GradleExpr.ListLit(items)
                : new GradleExpr.MapLit(entries);
        return new Parsed(result, close + 1);
    }

    /**
     * {@code a.b(c)[d].e}: normalised into a {@link GradleExpr.Ref} when it only names a property, or a
     * {@link GradleExpr.Call} when it is one call, possibly qualified.
     */
    private Parsed chain(int i) {
        record Segment(String name, Optional<Args> call, List<GradleExpr> indexes) {
        }
        List<Segment> segments = new ArrayList<>();
        int k = i;
        while (kind(k) == Kind.IDENT) {
            String name = text(k);
            k++;
            Optional<Args> call = Optional.empty();
            if (is(k, "(")) {
                Args args = args(k);
                call = Optional.of(args);
                k = args.end();
            }
            List<GradleExpr> indexes = new ArrayList<>();
            while (is(k, "[")) {
                int close = matching(k);
                indexes.add(expression(k + 1).expr());
                k = close + 1;
            }
            segments.add(new Segment(name, call, indexes));
            if (is(k, ".") && kind(k + 1) == Kind.IDENT) {
                k++;
            } else if (is(k, "?") && is(k + 1, ".") && kind(k + 2) == Kind.IDENT) {
                k += 2;
            } else {
                break;
            }
        }
        List<String> path = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            boolean last = s == segments.size() - 1;
            if (segment.call().isPresent()) {
                Args args = segment.call().get();
                String name = segment.name();
                if (Set.of("property", "findProperty", "gradleProperty", "getProperty", "get").contains(name)
                        && args.positional().size() == 1 && args.positional().getFirst() instanceof GradleExpr.Str key
                        && key.parts().size() <= 1 && (!name.equals("get") || isExtra(path))) {
                    path.clear();
                    path.add(plain(key));
                    continue;
                }
                if (Set.of("get", "toString", "getOrNull", "orNull").contains(name) && args.positional().isEmpty()
                        && !path.isEmpty()) {
                    continue;
                }
                if (last) {
                    String qualifier = String.join(".", path);
                    return new Parsed(new GradleExpr.Call(qualifier, name, args.positional(), args.named()), k);
                }
                return new Parsed(new GradleExpr.Unknown(name + "(...)"), k);
            }
            path.add(segment.name());
            for (GradleExpr index : segment.indexes()) {
                if (index instanceof GradleExpr.Str key && key.parts().size() <= 1 && isExtra(path)) {
                    path.clear();
                    path.add(plain(key));
                } else {
                    return new Parsed(new GradleExpr.Unknown(String.join(".", path) + "[...]"), k);
                }
            }
        }
        while (path.size() > 1 && Set.of("rootProject", "project", "ext", "extra", "extensions", "extraProperties",
                "properties").contains(path.getFirst())) {
            path.removeFirst();
        }
        if (path.size() > 1 && Set.of("orNull", "orEmpty").contains(path.getLast())) {
            path.removeLast();
        }
        return new Parsed(path.isEmpty() ? new GradleExpr.Unknown("?") : new GradleExpr.Ref(path), k);
    }

    private static boolean isExtra(List<String> path) {
        return !path.isEmpty() && Set.of("ext", "extra", "properties", "extraProperties", "rootProject", "project")
                .contains(path.getLast());
    }

    /** Arguments between the parenthesis at {@code open} and its match: positional, and named {@code a = x}/{@code a: x}. */
    private Args args(int open) {
        int close = matching(open);
        List<GradleExpr> positional = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, GradleExpr> named = new LinkedHashMap<>();
        int k = open + 1;
        while (k < close) {
            if (kind(k) == Kind.NEWLINE || is(k, ",")) {
                k++;
                continue;
            }
            if (kind(k) == Kind.IDENT && (is(k + 1, ":") && !is(k + 2, ":") || is(k + 1, "=") && !is(k + 2, "="))) {
                Parsed value = expression(k + 2);
                named.put(text(k), value.expr());
                k = skipToSeparator(value.end(), close);
            } else {
                lines.add(line(k));
                Parsed value = expression(k);
                positional.add(value.expr());
                k = skipToSeparator(value.end(), close);
            }
        }
        return new Args(positional, lines, named, close + 1);
    }

    /** Groovy command arguments: up to the end of the line, continuing after a trailing comma. */
    private Args commandArgs(int start) {
        List<GradleExpr> positional = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, GradleExpr> named = new LinkedHashMap<>();
        int k = start;
        while (true) {
            if (kind(k) == Kind.IDENT && is(k + 1, ":") || kind(k) == Kind.STRING && is(k + 1, ":")) {
                String key = kind(k) == Kind.STRING ? plainText(tokens.get(k)) : text(k);
                Parsed value = expression(k + 2);
                named.put(key, value.expr());
                k = value.end();
            } else {
                lines.add(line(k));
                Parsed value = expression(k);
                positional.add(value.expr());
                k = value.end();
            }
            if (is(k, ",")) {
                k++;
                while (kind(k) == Kind.NEWLINE) {
                    k++;
                }
                continue;
            }
            return new Args(positional, lines, named, k);
        }
    }

    /** Skips whatever an expression did not consume, up to the next top-level comma or {@code limit}. */
    private int skipToSeparator(int k, int limit) {
        while (k < limit && !is(k, ",")) {
            if (is(k, "(") || is(k, "[") || is(k, "{")) {
                k = matching(k) + 1;
            } else {
                k++;
            }
        }
        return k;
    }

    /** Index of the bracket closing the one at {@code open}; the EOF index when it is never closed. */
    private int matching(int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.kind() == Kind.EOF) {
                return k;
            }
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if ((token.is(")") || token.is("]") || token.is("}")) && --depth == 0) {
                return k;
            }
        }
        return tokens.size() - 1;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Frame frameAt(int brace) {
        int k = brace - 1;
        while (k >= 0 && kind(k) == Kind.NEWLINE) {
            k--;
        }
        if (k < 0) {
            return new Frame("?", "", false, "");
        }
        if (kind(k) == Kind.IDENT) {
            boolean object = k >= 1 && is(k - 1, "object");
            String owner = "";
            if (k >= 2 && is(k - 1, ".") && kind(k - 2) == Kind.IDENT) {
                owner = text(k - 2); // commonTest.dependencies {
            } else if (k >= 3 && is(k - 1, "by") && kind(k - 2) == Kind.IDENT && isAny(k - 3, "val", "var")) {
                owner = text(k - 2); // val commonTest by getting {
            } else if ((text(k).equals("getting") || text(k).equals("creating")) && k >= 3 && is(k - 1, "by")) {
                owner = text(k - 2);
            }
            return new Frame(text(k), text(k), object, owner);
        }
        if (is(k, ")")) {
            int depth = 0;
            for (int open = k; open >= 0; open--) {
                if (is(open, ")")) {
                    depth++;
                } else if (is(open, "(") && --depth == 0) {
                    String label = kind(open + 1) == Kind.STRING ? plainText(tokens.get(open + 1)) : "";
                    String name = open > 0 && kind(open - 1) == Kind.IDENT ? text(open - 1) : "?";
                    String owner = name.equals("with") ? dottedPath(open + 1, k) : label;
                    return new Frame(name, label, false, owner);
                }
            }
        }
        return new Frame("?", "", false, "");
    }

    /** {@code A.B.C} when the tokens from {@code from} up to (not including) {@code to} are exactly that; else "". */
    private String dottedPath(int from, int to) {
        StringBuilder path = new StringBuilder();
        for (int t = from; t < to; t++) {
            boolean ident = (t - from) % 2 == 0;
            if (ident ? kind(t) != Kind.IDENT : !is(t, ".")) {
                return "";
            }
            path.append(text(t));
        }
        return path.toString();
    }

    /**
     * The configuration as Gradle names it inside a Kotlin Multiplatform or Android source-set block:
     * {@code implementation} in {@code commonTest} is {@code commonTestImplementation}, so that its name carries the
     * source set's test nature; outside such blocks the name stays as written.
     */
    private String qualified(String configuration) {
        for (int f = frames.size() - 1; f >= 0; f--) {
            Frame frame = frames.get(f);
            String owner = frame.name().equals("with") ? "" : frame.owner();
            if (owner.isEmpty() && f > 0 && frames.get(f - 1).name().equals("sourceSets")) {
                owner = frame.name(); // sourceSets { commonTest { dependencies { } } }
            }
            if (!owner.isEmpty() && !owner.contains(".") && Character.isLowerCase(owner.charAt(0))
                    && !owner.equals("dependencies")) {
                return owner + Character.toUpperCase(configuration.charAt(0)) + configuration.substring(1);
            }
        }
        return configuration;
    }

    /** A bare name inside {@code with(Receiver) { }} means {@code Receiver.name}, as Kotlin resolves it. */
    private GradleExpr receiverQualified(GradleExpr notation) {
        if (notation instanceof GradleExpr.Ref ref && ref.path().size() == 1) {
            for (int f = frames.size() - 1; f >= 0; f--) {
                Frame frame = frames.get(f);
                if (frame.name().equals("with") && !frame.owner().isEmpty()) {
                    List<String> path = new ArrayList<>(List.of(frame.owner().split("\\.")));
                    path.addAll(ref.path());
                    return new GradleExpr.Ref(path);
                }
            }
        }
        return notation;
    }

    private boolean inside(String name) {
        return frames.stream().anyMatch(f -> f.name().equals(name));
    }

    /** The {@code Outer.Inner.} prefix of Kotlin {@code object}s enclosing the current statement. */
    private String prefix() {
        StringBuilder prefix = new StringBuilder();
        for (Frame frame : frames) {
            if (frame.object()) {
                prefix.append(frame.name()).append('.');
            }
        }
        return prefix.toString();
    }

    private static String plain(GradleExpr.Str str) {
        return str.parts().isEmpty() ? "" : str.parts().getFirst().text();
    }

    private static String plainText(Token string) {
        return string.parts().isEmpty() ? "" : string.parts().getFirst().text();
    }

    private Kind kind(int k) {
        return k < tokens.size() ? tokens.get(k).kind() : Kind.EOF;
    }

    private String text(int k) {
        return k < tokens.size() ? tokens.get(k).text() : "";
    }

    private int line(int k) {
        return tokens.get(Math.min(k, tokens.size() - 1)).line();
    }

    private boolean is(int k, String text) {
        return k < tokens.size() && tokens.get(k).is(text);
    }

    private boolean isAny(int k, String... texts) {
        for (String text : texts) {
            if (is(k, text)) {
                return true;
            }
        }
        return false;
    }
}
