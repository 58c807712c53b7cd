package dev.depscan.imports.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two bundled tables behind import resolution: the standard library's module names, and the curated map from
 * import names to PyPI distributions (format described in {@code import-names.txt}).
 */
final class ImportNames {

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final ImportNames BUNDLED = new ImportNames(
            load("stdlib-modules.txt"), load("import-names.txt"));

    private final Set<String> stdlib;
    private final Map<String, List<String>> distributions;

    ImportNames(String stdlibText, String mappingText) {
        this.stdlib = new HashSet<>();
        for (String line : stdlibText.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                stdlib.add(name);
            }
        }
        this.distributions = new HashMap<>();
        int number = 0;
        for (String line : mappingText.split("\n")) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length < 2) {
                throw new IllegalStateException("import-names.txt line " + number + ": expected '<import> <distribution>'");
            }
            List<String> dists = Arrays.stream(parts, 1, parts.length).map(ImportNames::normalize).toList();
            if (distributions.put(parts[0], dists) != null) {
                throw new IllegalStateException("import-names.txt line " + number + ": duplicate key " + parts[0]);
            }
        }
    }

    static ImportNames bundled() {
        return BUNDLED;
    }

    /** PEP 503 normalisation, as declared names are stored. */
    static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    boolean isStdlib(String topLevel) {
        return stdlib.contains(topLevel);
    }

    int mappings() {
        return distributions.size();
    }

    /**
     * The curated distribution for a dotted module, by longest dotted prefix; among alternatives the one the
     * repository declares, else the first.
     */
    Optional<String> distribution(String module, Set<String> declared) {
        String[] parts = module.split("\\.");
        for (int k = parts.length; k >= 1; k--) {
            String prefix = String.join(".", Arrays.asList(parts).subList(0, k));
            List<String> exact = distributions.get(prefix);
            if (exact != null) {
                return Optional.of(choose(exact, declared, ""));
            }
            if (k < parts.length) {
                List<String> wildcard = distributions.get(prefix + ".*");
                if (wildcard != null) {
                    return Optional.of(choose(wildcard, declared, normalize(parts[k])));
                }
            }
        }
        return Optional.empty();
    }

    private static String choose(List<String> candidates, Set<String> declared, String segment) {
        List<String> names = candidates.stream().map(d -> d.replace("*", segment)).toList();
        return names.stream().filter(declared::contains).findFirst().orElse(names.get(0));
    }

    private static String load(String resource) {
        try (InputStream in = ImportNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
