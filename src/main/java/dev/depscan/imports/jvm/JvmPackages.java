package dev.depscan.imports.jvm;

import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ImportContext;
import dev.depscan.scan.spi.ParseResult;
import dev.depscan.scan.spi.RawImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns imported JVM packages into Maven dependencies, the same way for Java, Kotlin and Scala.
 *
 * <p>Left out: the platforms' own packages ({@code java.}, {@code javax.} except the APIs that ship as libraries,
 * {@code jdk.}, {@code sun.}, {@code com.sun.} except a few libraries, {@code kotlin.}, {@code scala.},
 * {@code android.}, {@code dalvik.}) and the repository's own packages (declared by a {@code package} clause of any
 * scanned source, or an ancestor or descendant of one). A package maps, in order, to: a declared Maven dependency
 * whose group equals the package or is a prefix of it by whole segments (the longest group; among its artifacts the
 * one whose name contains the package's next segment, else the first declared); the bundled table
 * {@code packages.txt} (longest prefix); otherwise the package's first three segments as an unresolved name without
 * coordinates. Imports from test sources ({@code src/test/}, {@code src/androidTest/}, {@code *Test} source sets,
 * {@code test/} and {@code tests/} directories) are TEST.
 */
public final class JvmPackages {

    private static final List<String> PLATFORM = List.of("java.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.",
                                                          "android.", "dalvik.", "groovy.lang.", "org.w3c.dom.",
                                                          "org.xml.sax.", "org.ietf.jgss.");
    private static final List<String> LIBRARIES_IN_PLATFORM_NAMESPACES = List.of(
            "javax.inject", "javax.annotation", "javax.servlet", "javax.persistence", "javax.ws.rs", "javax.validation",
            "javax.json", "javax.mail", "javax.enterprise", "javax.faces", "javax.jms", "javax.xml.bind", "javax.cache",
            "javax.money", "javax.batch", "javax.websocket", "javax.transaction", "javax.ejb", "javax.interceptor",
            "javax.measure", "com.sun.jna", "com.sun.mail", "com.sun.xml.bind", "com.sun.jersey", "com.sun.net.httpserver",
            "scala.collection.parallel", "kotlin.test");
    private static final Map<String, String> TABLE = load("packages.txt");

    private JvmPackages() {
    }

    /** The package an import names: {@code a.b} for {@code a.b.C}, {@code a.b.C.member} and {@code a.b.*}. */
    public static String packageOf(String imported, boolean wildcard) {
        String[] parts = imported.split("\\.");
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                return kept.isEmpty() ? imported : String.join(".", kept);
            }
            kept.add(part);
        }
        if (wildcard || parts.length <= 2) {
            return imported;
        }
        return String.join(".", Arrays.copyOf(parts, parts.length - 1)); // a top-level function or member
    }

    /** Resolves the imports one analyzer found; {@code analyzerId} goes into the evidence. */
    public static ParseResult resolve(List<RawImport> imports, ImportContext context, String analyzerId) {
        Map<String, List<String>> declaredByGroup = new HashMap<>();
        context.declared().stream()
                .filter(d -> d.ecosystem() == Ecosystem.MAVEN && d.name().contains(":"))
                .map(Dependency::name).distinct()
                .forEach(name -> declaredByGroup.computeIfAbsent(name.substring(0, name.indexOf(':')),
                                                                 g -> new ArrayList<>()).add(name));
        Set<String> seen = new HashSet<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (RawImport raw : imports) {
            String pkg = raw.module();
            if (platform(pkg) || firstParty(pkg, context.definedModules())) {
                continue;
            }
            Optional<String> mapped = declared(pkg, declaredByGroup).or(() -> tabled(pkg));
            if (mapped.isEmpty() && pkg.indexOf('.') < 0) {
                continue; // one lowercase name nothing maps: a Scala import relative to an earlier one, not a package
            }
            String name = mapped.orElseGet(() -> unresolved(pkg));
            if (seen.add(raw.file() + '\n' + name)) {
                dependencies.add(new Dependency(Ecosystem.MAVEN, name, Optional.empty(), Optional.empty(),
                                                scopeOf(raw.file()), true,
                                                new Evidence(raw.file(), raw.line(), Evidence.Kind.IMPORT, analyzerId)));
            }
        }
        return ParseResult.of(dependencies);
    }

    static boolean platform(String pkg) {
        String dotted = pkg + ".";
        if (LIBRARIES_IN_PLATFORM_NAMESPACES.stream().anyMatch(l -> dotted.startsWith(l + "."))) {
            return false;
        }
        return dotted.startsWith("javax.") || PLATFORM.stream().anyMatch(dotted::startsWith);
    }

    private static boolean firstParty(String pkg, Set<String> defined) {
        for (String d : defined) {
            if (pkg.equals(d) || pkg.startsWith(d + ".") || d.startsWith(pkg + ".") && pkg.split("\\.").length >= 3) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> declared(String pkg, Map<String, List<String>> byGroup) {
        String best = null;
        for (String group : byGroup.keySet()) {
            if ((pkg.equals(group) || pkg.startsWith(group + ".")) && (best == null || group.length() > best.length())) {
                best = group;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> artifacts = byGroup.get(best);
        String rest = pkg.length() > best.length() ? pkg.substring(best.length() + 1) : "";
        String next = rest.isEmpty() ? "" : rest.split("\\.")[0].toLowerCase(Locale.ROOT);
        if (!next.isEmpty()) {
            for (String artifact : artifacts) {
                List<String> tokens = List.of(artifact.substring(artifact.indexOf(':') + 1).toLowerCase(Locale.ROOT)
                                                      .split("[-_.]"));
                if (tokens.contains(next)) {
                    return Optional.of(artifact);
                }
            }
        }
        return Optional.of(artifacts.getFirst());
    }

    private static Optional<String> tabled(String pkg) {
        String[] parts = pkg.split("\\.");
        for (int k = parts.length; k >= 1; k--) {
            String prefix = String.join(".", Arrays.copyOf(parts, k));
            String coordinates = TABLE.get(prefix);
            if (coordinates != null) {
                return Optional.of(coordinates);
            }
        }
        return Optional.empty();
    }

    private static String unresolved(String pkg) {
        String[] parts = pkg.split("\\.");
        return String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    public static Scope scopeOf(String file) {
        String path = "/" + file;
        if (path.contains("/src/test/") || path.contains("/src/androidTest/") || path.contains("/src/it/")
                || path.matches(".*/src/[A-Za-z]*Test/.*") || path.contains("/test/") || path.contains("/tests/")) {
            return Scope.TEST;
        }
        return Scope.RUNTIME;
    }

    static Map<String, String> parseTable(String text) {
        Map<String, String> table = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2 || !parts[1].contains(":")) {
                throw new IllegalStateException("packages.txt line " + number + ": expected '<package> <group:artifact>'");
            }
            if (table.put(parts[0], parts[1]) != null) {
                throw new IllegalStateException("packages.txt line " + number + ": duplicate package " + parts[0]);
            }
        }
        return Map.copyOf(table);
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = JvmPackages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return parseTable(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
