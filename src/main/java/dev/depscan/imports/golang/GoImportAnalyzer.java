package dev.depscan.imports.golang;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ImportExtraction;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;
import dev.depscan.scan.spi.SourceInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Go imports: {@code import "path"}, {@code import name "path"} and {@code import ( ... )} blocks, read from a
 * tokenizer that skips comments, strings and rune literals, so an import path only counts where Go reads it.
 *
 * <p>Left out: the standard library (a path whose first element has no dot, the Go toolchain's own rule), cgo's
 * {@code "C"}, and the repository's own packages: a path equal to or below the {@code module} of any {@code go.mod}
 * in the tree (the analyzer reads {@code go.mod} files for exactly that). A path maps to the longest module that
 * {@code go.mod} requires and that is a prefix of it by path segments; otherwise to its likely module root: three
 * segments on {@code github.com}, {@code gitlab.com}, {@code bitbucket.org} and {@code golang.org/x}, two on
 * {@code gopkg.in}, plus a {@code /vN} major-version segment that follows, else the whole path. Imports in
 * {@code *_test.go} files are TEST.
 */
public final class GoImportAnalyzer implements ImportAnalyzer {

    /** Plugin id. */
    public static final String ID = "golang/imports";

    public GoImportAnalyzer() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.GOLANG;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".go") || path.equals("go.mod") || path.endsWith("/go.mod");
    }

    @Override
    public boolean isSource(String path) {
        return path.endsWith(".go");
    }

    @Override
    public ImportExtraction extract(SourceInput input) {
        if (input.path().endsWith("go.mod")) {
            for (String line : input.text().split("\r?\n")) {
                String code = line.contains("//") ? line.substring(0, line.indexOf("//")) : line;
                String[] words = code.strip().split("\\s+");
                if (words.length == 2 && words[0].equals("module")) {
                    return ImportExtraction.of(List.of(), List.of(words[1].replace("\"", "")));
                }
            }
            return ImportExtraction.of(List.of());
        }
        List<RawImport> imports = new ArrayList<>();
        for (GoImports.Found found : GoImports.extract(input.text())) {
            if (!found.path().isBlank()) {
                imports.add(new RawImport(input.path(), found.path(), found.line()));
            }
        }
        return ImportExtraction.of(imports);
    }

    @Override
    public ParseResult resolve(List<RawImport> imports, ImportContext context) {
        List<String> required = context.declared().stream()
                .filter(d -> d.ecosystem() == Ecosystem.GOLANG).map(Dependency::name).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> seen = new HashSet<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (RawImport raw : imports) {
            String path = raw.module();
            if (path.equals("C") || isStandardLibrary(path) || firstParty(path, context.definedModules())) {
                continue;
            }
            String module = required.stream().filter(m -> under(path, m)).findFirst().orElseGet(() -> moduleRoot(path));
            if (seen.add(raw.file() + '\n' + module)) {
                Scope scope = raw.file().endsWith("_test.go") ? Scope.TEST : Scope.RUNTIME;
                dependencies.add(new Dependency(Ecosystem.GOLANG, module, Optional.empty(), Optional.empty(), scope,
                                                true, new Evidence(raw.file(), raw.line(), Evidence.Kind.IMPORT, ID)));
            }
        }
        return ParseResult.of(dependencies);
    }

    static boolean isStandardLibrary(String path) {
        String first = path.split("/", 2)[0];
        return !first.contains(".");
    }

    private static boolean firstParty(String path, Set<String> modules) {
        return modules.stream().anyMatch(m -> under(path, m));
    }

    private static boolean under(String path, String module) {
        return path.equals(module) || path.startsWith(module + "/");
    }

    /** The module an import path most likely belongs to when {@code go.mod} does not say. */
    static String moduleRoot(String path) {
        String[] parts = path.split("/");
        int keep;
        if (parts[0].equals("github.com") || parts[0].equals("gitlab.com") || parts[0].equals("bitbucket.org")
                || parts[0].equals("golang.org") && parts.length > 1 && parts[1].equals("x")) {
            keep = 3;
        } else if (parts[0].equals("gopkg.in")) {
            keep = 2;
        } else {
            return path;
        }
        if (parts.length > keep && parts[keep].matches("v\\d+")) {
            keep++;
        }
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(keep, parts.length)));
    }
}
