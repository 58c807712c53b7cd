package dev.depscan.manifest.nuget;

import dev.depscan.manifest.xml.SafeXml;
import dev.depscan.manifest.xml.XmlNode;
import dev.depscan.scan.spi.TreePaths;
import dev.depscan.scan.spi.TreeReader;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the MSBuild parsers share: finding the nearest {@code Directory.Build.props} or {@code Directory.Packages.props}
 * above a project (the files MSBuild imports implicitly), reading {@code <PropertyGroup>} properties, and expanding
 * {@code $(Name)} references. Property names are case-insensitive in MSBuild, and so are package ids in NuGet.
 */
final class MsBuildFiles {

    static final String BUILD_PROPS = "Directory.Build.props";
    static final String PACKAGES_PROPS = "Directory.Packages.props";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    private MsBuildFiles() {
    }

    /**
     * The nearest file called {@code name} in the directory of {@code path} or above it, not {@code path} itself
     * (a {@code Directory.Build.props} does not import itself; it would import one further up).
     */
    static Optional<String> nearest(TreeReader tree, String path, String name) {
        String directory = TreePaths.directoryOf(path);
        boolean self = path.equals(name) || path.endsWith("/" + name);
        while (true) {
            String candidate = directory.isEmpty() ? name : directory + "/" + name;
            if (!(self && candidate.equals(path)) && tree.readText(candidate).isPresent()) {
                return Optional.of(candidate);
            }
            if (directory.isEmpty()) {
                return Optional.empty();
            }
            directory = TreePaths.directoryOf(directory);
        }
    }

    /** The parsed file, or empty when it is missing or not well-formed XML (its own parser reports that). */
    static Optional<XmlNode> read(TreeReader tree, String path) {
        try {
            return tree.readText(path).map(SafeXml::parse);
        } catch (SafeXml.MalformedXmlException e) {
            return Optional.empty();
        }
    }

    /** Adds every {@code <PropertyGroup>} property of {@code project}, later ones winning, names lower-cased. */
    static void collectProperties(XmlNode project, Map<String, String> into) {
        for (XmlNode group : project.children("PropertyGroup")) {
            for (XmlNode property : group.children()) {
                into.put(property.name().toLowerCase(Locale.ROOT), expand(property.text(), into));
            }
        }
    }

    /** {@code text} with each {@code $(Name)} replaced by its value; unknown properties are left as written. */
    static String expand(String text, Map<String, String> properties) {
        if (!text.contains("$(")) {
            return text;
        }
        Matcher m = PROPERTY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Properties visible in {@code path}: those of the nearest Directory.Build.props above it, then its own. */
    static Map<String, String> properties(TreeReader tree, String path, XmlNode project) {
        Map<String, String> properties = new HashMap<>();
        nearest(tree, path, BUILD_PROPS).flatMap(props -> read(tree, props))
                .ifPresent(props -> collectProperties(props, properties));
        collectProperties(project, properties);
        return properties;
    }

    /** An attribute or, MSBuild allowing both, a child element of the same name. */
    static Optional<String> metadata(XmlNode item, String name) {
        Optional<String> attribute = item.attribute(name);
        return attribute.isPresent() ? attribute : item.childText(name);
    }

    /**
     * The exact version a NuGet version text installs: a plain version ({@code 13.0.3}, NuGet's "at least, and
     * lowest available", which is that version) or an exact range {@code [13.0.3]}; empty for ranges and floating
     * versions ({@code 13.*}) and for unexpanded properties.
     */
    static Optional<String> exact(String version) {
        String v = version.strip();
        if (v.startsWith("[") && v.endsWith("]") && !v.contains(",")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.matches("\\d+(\\.\\d+){1,3}(-[0-9A-Za-z.-]+)?") ? Optional.of(v) : Optional.empty();
    }
}
