package dev.depscan.classify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The category file: which packages make up which category, and which the organisation allows or restricts.
 *
 * <p>The format is the previous service's {@code config.yaml}, unchanged; unknown keys are ignored so that file loads
 * as it is:
 * <pre>
 * categories:
 *   Machine Learning:
 *     dependencies: [tensorflow, torch, scikit-learn, "django-*"]
 *     api_patterns: ["*api.openai.com*"]
 *     status: allowed        # or restricted; optional
 * ignore_patterns: ["tests/*"]  # paths the scanner skips
 * allow: [requests]             # optional, names or globs
 * restrict: ["npm:left-pad"]    # optional, names or globs
 * </pre>
 *
 * <p>Package patterns. Names compare after normalisation: lower case, and runs of {@code -}, {@code _}, {@code .}
 * as one {@code -} (PEP 503, applied to every ecosystem so {@code scikit_learn} finds {@code scikit-learn}). A plain
 * pattern matches a finding whose whole name equals it; for Maven also the artifact alone ({@code postgresql} matches
 * {@code org.postgresql:postgresql}); for Go also the module without a {@code /vN} suffix. npm scoped names match only
 * whole ({@code @angular/core}). A pattern with {@code *} or {@code ?} is a glob over the same candidates, and {@code *}
 * crosses {@code :} and {@code /} ({@code django-*}, {@code org.springframework*}). Never a substring: {@code click}
 * does not match {@code clickhouse-driver}. An optional ecosystem prefix restricts a pattern: {@code npm:express},
 * {@code maven:org.hibernate*} (prefixes: pypi, npm, maven, go, cargo, gem, composer, nuget, conda, docker).
 *
 * <p>Safety: the file is read with Jackson YAML under SnakeYAML loader limits (size, nesting depth, duplicate keys
 * rejected). Jackson does not expand YAML aliases ({@code *name} reads as the text {@code name}), so alias bombs
 * cannot blow up, but a file that shares lists through anchors is rejected as "must be a list of strings".
 */
public final class CategoryConfig {

    /** Larger than any real category file; bounds what a hostile ConfigMap can make the parser do. */
    private static final int MAX_CHARS = 1024 * 1024;
    private static final String BUNDLED = "/categories.yaml";

    private final List<Category> categories;
    private final List<String> ignorePatterns;
    private final List<String> allow;
    private final List<String> restrict;
    private final String hash;

    CategoryConfig(List<Category> categories, List<String> ignorePatterns, List<String> allow, List<String> restrict) {
        this.categories = List.copyOf(categories);
        this.ignorePatterns = List.copyOf(ignorePatterns);
        this.allow = List.copyOf(allow);
        this.restrict = List.copyOf(restrict);
        this.hash = canonicalHash();
    }

    /**
     * Reads a category file's text.
     *
     * @throws CategoryConfigException naming the problem when the text is not a valid category file
     */
    public static CategoryConfig parse(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        if (yaml.length() > MAX_CHARS) {
            throw new CategoryConfigException("category file is larger than " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = mapper().readTree(yaml);
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getLineNr() <= 0 ? "" : " at line " + location.getLineNr();
            String problem = firstLine(e.getOriginalMessage());
            throw new CategoryConfigException("category file is not valid YAML" + where + ": " + problem, e);
        }
        return fromTree(root);
    }

    /**
     * Reads a category file.
     *
     * @throws CategoryConfigException when the file cannot be read or is not a valid category file
     */
    public static CategoryConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = String.valueOf(file.getFileName());
        try {
            if (Files.size(file) > MAX_CHARS * 4L) {
                throw new CategoryConfigException("category file " + name + " is too large");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CategoryConfigException("cannot read category file " + name, e);
        } catch (CategoryConfigException e) {
            throw new CategoryConfigException(name + ": " + e.getMessage(), e);
        }
    }

    /** The default categories shipped with depscan ({@code categories.yaml} on the class path). */
    public static CategoryConfig bundled() {
        try (InputStream in = CategoryConfig.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CategoryConfigException("bundled categories.yaml is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CategoryConfigException("cannot read bundled categories.yaml", e);
        }
    }

    /** Categories in file order, which is also the order of the result's flags. */
    public List<Category> categories() {
        return categories;
    }

    /** Path globs the scanner skips ({@code ignore_patterns}). */
    public List<String> ignorePatterns() {
        return ignorePatterns;
    }

    /** Package patterns allowed regardless of category. */
    public List<String> allow() {
        return allow;
    }

    /** Package patterns restricted regardless of category; restriction wins over allowance. */
    public List<String> restrict() {
        return restrict;
    }

    /**
     * SHA-256 (hex) of a canonical form of everything that affects a result: two files that differ only in comments,
     * layout or ignored keys have the same hash, so a cached result stays valid.
     */
    public String hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryConfig other && hash.equals(other.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "CategoryConfig[" + categories.size() + " categories, hash=" + hash.substring(0, 12) + "]";
    }

    private static ObjectMapper mapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(20);
        loader.setAllowRecursiveKeys(false);
        loader.setNestingDepthLimit(20);
        loader.setCodePointLimit(MAX_CHARS);
        loader.setAllowDuplicateKeys(false);
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder().loaderOptions(loader).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    private static CategoryConfig fromTree(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CategoryConfigException("category file is empty");
        }
        if (!root.isObject()) {
            throw new CategoryConfigException("category file must be a mapping with a 'categories' key");
        }
        JsonNode categoriesNode = root.get("categories");
        if (categoriesNode == null) {
            throw new CategoryConfigException("category file has no 'categories' key");
        }
        List<Category> categories = new ArrayList<>();
        if (!categoriesNode.isNull()) {
            if (!categoriesNode.isObject()) {
                throw new CategoryConfigException("'categories' must be a mapping of category name to its definition");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = categoriesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                categories.add(category(entry.getKey(), entry.getValue()));
            }
        }
        return new CategoryConfig(categories,
                strings(root.get("ignore_patterns"), "'ignore_patterns'"),
                patterns(root.get("allow"), "'allow'"),
                patterns(root.get("restrict"), "'restrict'"));
    }

    private static Category category(String name, JsonNode node) {
        String where = "category '" + name + "'";
        if (name.isBlank()) {
            throw new CategoryConfigException("a category has a blank name");
        }
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            return new Category(name, List.of(), List.of(), Optional.empty());
        }
        if (!node.isObject()) {
            throw new CategoryConfigException(where + " must be a mapping with 'dependencies'");
        }
        Optional<Category.Status> status = Optional.empty();
        JsonNode statusNode = node.get("status");
        if (statusNode != null && !statusNode.isNull()) {
            String value = statusNode.asText().strip().toLowerCase(Locale.ROOT);
            status = Optional.of(switch (value) {
                case "allowed" -> Category.Status.ALLOWED;
                case "restricted" -> Category.Status.RESTRICTED;
                default -> throw new CategoryConfigException(
                        where + ": status must be 'allowed' or 'restricted', not '" + statusNode.asText() + "'");
            });
        }
        return new Category(name,
                patterns(node.get("dependencies"), where + ": 'dependencies'"),
                strings(node.get("api_patterns"), where + ": 'api_patterns'"),
                status);
    }

    /** A list of package patterns, each checked to compile. */
    private static List<String> patterns(JsonNode node, String where) {
        List<String> patterns = strings(node, where);
        for (String pattern : patterns) {
            try {
                NamePattern.parse(pattern);
            } catch (IllegalArgumentException e) {
                throw new CategoryConfigException(where + ": " + e.getMessage());
            }
        }
        return patterns;
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CategoryConfigException(where + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        int index = 0;
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.isNull()) {
                throw new CategoryConfigException(where + " item " + (index + 1) + " must be a string");
            }
            String value = item.asText().strip();
            if (value.isEmpty()) {
                throw new CategoryConfigException(where + " item " + (index + 1) + " is empty");
            }
            values.add(value);
            index++;
        }
        return values;
    }

    private String canonicalHash() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        List<Object> cats = new ArrayList<>();
        for (Category c : categories) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("dependencies", c.dependencies());
            m.put("api_patterns", c.apiPatterns());
            m.put("status", c.status().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""));
            cats.add(m);
        }
        canonical.put("categories", cats);
        canonical.put("ignore_patterns", ignorePatterns);
        canonical.put("allow", allow);
        canonical.put("restrict", restrict);
        try {
            byte[] bytes = new ObjectMapper().writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash category config", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("syntax error");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
