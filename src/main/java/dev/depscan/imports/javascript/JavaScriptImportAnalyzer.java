package dev.depscan.imports.javascript;

import dev.depscan.manifest.json.BoundedJson;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ApiCalls;
import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JavaScript and TypeScript imports ({@code .js .mjs .cjs .jsx .ts .mts .cts .tsx}): {@code import ... from 'p'},
 * side-effect {@code import 'p'}, {@code export ... from 'p'}, {@code require('p')}, {@code require.resolve('p')},
 * {@code import x = require('p')} and dynamic {@code import('p')} with a literal, found by {@link JsTokens}, so
 * comments, strings, templates and regular expressions never count.
 *
 * <p>A specifier names the package {@code @scope/name} or {@code name} (subpaths dropped). Left out: Node built-ins
 * (with or without {@code node:}, subpaths included), relative and absolute paths, URLs and other schemes
 * ({@code https:}, {@code data:}, {@code bun:}; Deno's {@code npm:pkg@1} names {@code pkg}), {@code @/}, {@code ~/}
 * and {@code #} aliases, the repository's own packages (the {@code name} of every {@code package.json}) and the path
 * aliases of every {@code tsconfig.json}/{@code jsconfig.json} ({@code compilerOptions.paths}); the analyzer reads
 * those files for exactly that. Scopes: test files ({@code *.test.*}, {@code *.spec.*}, {@code __tests__/},
 * {@code test/}, {@code tests/}, {@code e2e/}) are TEST, tool configuration ({@code *.config.*}) BUILD, type
 * declarations ({@code *.d.ts}) DEV, everything else RUNTIME. Minified bundles (a line over 5,000 characters) are
 * not source and are skipped.
 */
public final class JavaScriptImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "javascript/imports";

    private static final List<String> SOURCE_SUFFIXES = List.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts",
                                                                ".tsx");
    private static final Set<String> BUILTINS = load("node-builtins.txt");
    private static final String ALIAS = "alias:";
    private static final int MINIFIED_LINE = 5_000;

    public JavaScriptImportAnalyzer() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.NPM;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("package.json") || name.equals("tsconfig.json") || name.equals("jsconfig.json")
               || SOURCE_SUFFIXES.stream().anyMatch(name::endsWith) && !name.endsWith(".min.js");
    }

    @Override
    public boolean isSource(String path) {
        return !path.endsWith(".json");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        if (input.path().endsWith(".json")) {
            return ImportExtraction.of(List.of(), definitions(input));
        }
        if (input.text().lines().anyMatch(l -> l.length() > MINIFIED_LINE)) {
            return ImportExtraction.of(List.of());
        }
        List<RawImport> imports = new ArrayList<>();
        for (JsTokens.Token specifier : specifiers(JsTokens.tokenize(input.text()))) {
            if (specifier.text() != null && !specifier.text().isBlank()) {
                imports.add(new RawImport(input.path(), specifier.text(), specifier.line()));
            }
        }
        return ImportExtraction.of(imports)
                .withApiCalls(ApiCalls.find(input.path(), input.text(), ApiCalls.Language.JAVASCRIPT));
    }

    /** The string tokens that name a module, in file order. */
    static List<JsTokens.Token> specifiers(List<JsTokens.Token> tokens) {
        List<JsTokens.Token> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsTokens.Token token = tokens.get(i);
            boolean member = i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("?"));
            if (token.kind() != JsTokens.Kind.IDENT || member) {
                continue;
            }
            switch (token.text()) {
                case "import" -> {
                    int next = i + 1;
                    if (at(tokens, next, "(")) {
                        string(tokens, next + 1).filter(s -> at(tokens, next + 2, ")") || at(tokens, next + 2, ","))
                                .ifPresent(found::add);
                    } else if (string(tokens, i + 1).isPresent()) {
                        found.add(tokens.get(i + 1));
                    } else {
                        from(tokens, i + 1).ifPresent(found::add);
                    }
                }
                case "export" -> {
                    if (at(tokens, i + 1, "*") || at(tokens, i + 1, "{")
                        || at(tokens, i + 1, "type") && at(tokens, i + 2, "{")) {
                        from(tokens, i + 1).ifPresent(found::add);
                    }
                }
                case "require" -> {
                    int open = at(tokens, i + 1, ".") && at(tokens, i + 2, "resolve") ? i + 3 : i + 1;
                    if (at(tokens, open, "(") && at(tokens, open + 2, ")")) {
                        string(tokens, open + 1).ifPresent(found::add);
                    }
                }
                default -> {
                }
            }
        }
        return found;
    }

    /** The string after the {@code from} that ends the import or export clause starting at {@code start}. */
    private static Optional<JsTokens.Token> from(List<JsTokens.Token> tokens, int start) {
        int braces = 0;
        for (int k = start; k < tokens.size() && k < start + 400; k++) {
            JsTokens.Token t = tokens.get(k);
            if (t.is("{")) {
                braces++;
            } else if (t.is("}")) {
                braces--;
            } else if (braces == 0 && (t.is(";") || t.is("=") || t.is("import") || t.is("export"))) {
                return Optional.empty();
            } else if (braces == 0 && t.is("from")) {
                return string(tokens, k + 1);
            }
        }
        return Optional.empty();
    }

    private static boolean at(List<JsTokens.Token> tokens, int k, String text) {
        return k < tokens.size() && tokens.get(k).is(text);
    }

    private static Optional<JsTokens.Token> string(List<JsTokens.Token> tokens, int k) {
        return k < tokens.size() && tokens.get(k).kind() == JsTokens.Kind.STRING && tokens.get(k).text() != null
                ? Optional.of(tokens.get(k)) : Optional.empty();
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        Set<String> seen = new HashSet<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (RawImport raw : imports) {
            Optional<String> name = packageName(raw.module());
            if (name.isEmpty() || context.definedModules().contains(name.get())
                    || aliased(raw.module(), context.definedModules())) {
                continue;
            }
            if (seen.add(raw.file() + '\n' + name.get())) {
                dependencies.add(new Dependency(Ecosystem.NPM, name.get(), Optional.empty(), Optional.empty(),
                                                scopeOf(raw.file()), true,
                                                new Evidence(raw.file(), raw.line(), Evidence.Kind.IMPORT, ID)));
            }
        }
        return ParseResult.of(dependencies);
    }

    /** The npm package a specifier names, or empty for built-ins, paths, URLs and aliases. */
    static Optional<String> packageName(String specifier) {
        String s = specifier.strip();
        if (s.startsWith("npm:")) {
            s = s.substring(4);
            int version = s.indexOf('@', 1);
            s = version > 0 ? s.substring(0, version) : s;
        }
        if (s.isEmpty() || s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.startsWith("#")
                || s.startsWith("@/") || s.contains("!") || s.contains("\\")) {
            return Optional.empty();
        }
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            return Optional.empty();
        }
        String[] parts = s.split("/");
        String name;
        if (s.startsWith("@")) {
            if (parts.length < 2 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            name = parts[0] + "/" + parts[1];
        } else {
            name = parts[0];
        }
        if (BUILTINS.contains(parts[0]) || !name.matches("(@[a-z0-9._~-]+/)?[a-z0-9._~-][a-z0-9._~-]*")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static boolean aliased(String specifier, Set<String> defined) {
        for (String definition : defined) {
            if (definition.startsWith(ALIAS)) {
                String alias = definition.substring(ALIAS.length());
                if (specifier.equals(alias) || specifier.startsWith(alias + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Scope scopeOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String path = "/" + file;
        if (name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?$") || path.contains("/__tests__/") || path.contains("/test/")
                || path.contains("/tests/") || path.contains("/e2e/")) {
            return Scope.TEST;
        }
        if (name.matches(".*\\.config\\.[cm]?[jt]s$")) {
            return Scope.BUILD;
        }
        return name.endsWith(".d.ts") ? Scope.DEV : Scope.RUNTIME;
    }

    /** A package.json's {@code name}; a tsconfig's path aliases, as {@code alias:<prefix>}. */
    private static List<String> definitions(SourceInput input) {
        JsonNode root;
        try {
            root = BoundedJson.MAPPER.readTree(withoutJsonComments(input.text()));
        } catch (JacksonException e) {
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        List<String> definitions = new ArrayList<>();
        if (input.path().endsWith("package.json")) {
            String name = root.path("name").asText("");
            if (!name.isBlank()) {
                definitions.add(name);
            }
        } else {
            for (Iterator<String> it = root.path("compilerOptions").path("paths").fieldNames(); it.hasNext(); ) {
                String alias = it.next().replaceAll("/?\\*$", "");
                if (!alias.isEmpty()) {
                    definitions.add(ALIAS + alias);
                }
            }
        }
        return definitions;
    }

    /** tsconfig files allow comments and trailing commas; strip the comments outside strings. */
    private static String withoutJsonComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString().replaceAll(",(\\s*[}\\]])", "$1");
    }

    private static Set<String> load(String resource) {
        try (InputStream in = JavaScriptImportAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
