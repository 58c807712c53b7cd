package dev.depscan.manifest.maven;

import dev.depscan.manifest.xml.SafeXml;
import dev.depscan.manifest.xml.XmlNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw facts of one POM, before inheritance and interpolation.
 *
 * @param path       repository-relative path
 * @param project    the {@code <project>} element
 * @param groupId    the declared groupId, or the parent's when the POM inherits it
 * @param artifactId the declared artifactId (may be blank in a broken POM)
 * @param version    the declared version, or the parent's when the POM inherits it
 * @param parent     the {@code <parent>} declaration, if any
 * @param properties the {@code <properties>} of this POM only, in declaration order
 */
record Pom(String path, XmlNode project, Optional<String> groupId, String artifactId, Optional<String> version,
           Optional<Parent> parent, Map<String, String> properties) {

    Pom {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(parent, "parent");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * A {@code <parent>} declaration.
     *
     * @param relativePath the declared relative path; {@code Optional.of("")} for an explicit empty
     *                     {@code <relativePath/>}, which turns the lookup by path off
     */
    record Parent(String groupId, String artifactId, Optional<String> version, Optional<String> relativePath, int line) {
        Parent {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(relativePath, "relativePath");
        }
    }

    static Pom parse(String path, String text) {
        XmlNode project = SafeXml.parse(text);
        if (!project.name().equals("project")) {
            throw new SafeXml.MalformedXmlException("root element is <" + project.name() + ">, not <project>",
                    project.line());
        }
        Optional<Parent> parent = project.child("parent").map(p -> new Parent(
                p.childText("groupId").orElse(""),
                p.childText("artifactId").orElse(""),
                p.childText("version"),
                p.child("relativePath").map(XmlNode::text),
                p.line()));
        Map<String, String> properties = new LinkedHashMap<>();
        project.child("properties").ifPresent(props -> {
            for (String name : props.childNames()) {
                props.child(name).ifPresent(p -> properties.put(name, p.text()));
            }
        });
        return new Pom(path, project,
                project.childText("groupId").or(() -> parent.map(Parent::groupId).filter(g -> !g.isEmpty())),
                project.childText("artifactId").orElse(""),
                project.childText("version").or(() -> parent.flatMap(Parent::version)),
                parent, properties);
    }

    /** Whether this POM declares (or inherits) these coordinates. */
    boolean is(String group, String artifact) {
        return artifactId.equals(artifact) && groupId.map(group::equals).orElse(false);
    }

    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
