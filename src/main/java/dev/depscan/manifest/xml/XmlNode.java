package dev.depscan.manifest.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a parsed XML document with the line its start tag ends on; just enough DOM for reading manifests
 * (POMs, MSBuild projects), because the JDK's DOM does not keep line numbers.
 */
public final class XmlNode {

    private final String name;
    private final int line;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> attributes;

    XmlNode(String name, int line, Map<String, String> attributes) {
        this.name = Objects.requireNonNull(name, "name");
        this.line = line;
        this.attributes = Map.copyOf(attributes);
    }

    /** The value of the attribute with that local name, trimmed; empty when absent or blank. */
    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Every child, in document order. */
    public List<XmlNode> children() {
        return List.copyOf(children);
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    /** The element's own text content, trimmed. */
    public String text() {
        return text.toString().trim();
    }

    void appendText(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    void add(XmlNode child) {
        children.add(child);
    }

    /** The local names of the direct children, in document order, without duplicates. */
    public List<String> childNames() {
        return children.stream().map(XmlNode::name).distinct().toList();
    }

    /** Direct children with that local name, in document order. */
    public List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    public Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** Follows a path of child names, e.g. {@code child("build", "plugins")}. */
    public Optional<XmlNode> child(String first, String... rest) {
        Optional<XmlNode> node = child(first);
        for (String next : rest) {
            node = node.flatMap(n -> n.child(next));
        }
        return node;
    }

    /** The trimmed text of the first child with that name, empty when there is none or it is blank. */
    public Optional<String> childText(String childName) {
        return child(childName).map(XmlNode::text).filter(t -> !t.isEmpty());
    }

    /** The grandchildren {@code <container><item/>...</container>}, empty when the container is missing. */
    public List<XmlNode> items(String container, String item) {
        return child(container).map(c -> c.children(item)).orElse(List.of());
    }
}
