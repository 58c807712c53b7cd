package dev.depscan.manifest.nuget;

import dev.depscan.manifest.xml.SafeXml;
import dev.depscan.manifest.xml.XmlNode;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.Ecosystem;
import dev.depscan.scan.Evidence;
import dev.depscan.scan.ScanIssue;
import dev.depscan.scan.Scope;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MSBuild projects ({@code *.csproj}, {@code *.fsproj}, {@code *.vbproj}) and the {@code Directory.Build.props} /
 * {@code Directory.Build.targets} files MSBuild imports into every project below them: their
 * {@code <PackageReference>} items.
 *
 * <p>The version is the {@code Version} (attribute or child element), or a {@code VersionOverride}, with
 * {@code $(Property)} references expanded from the file's own {@code <PropertyGroup>}s and those of the nearest
 * {@code Directory.Build.props} above it. A reference without a version takes it from central package management:
 * the nearest {@code Directory.Packages.props}' {@code <PackageVersion>} of the same id (ids compare
 * case-insensitively). {@code <PackageReference Update="...">} changes an earlier reference of the same file and
 * declares nothing new. {@code PrivateAssets="all"} marks a package that does not flow to consumers (analyzers,
 * source link, build tasks): scope BUILD; everything else is RUNTIME. Conditional item groups are read as if they
 * applied. {@code <ProjectReference>} is the repository's own code, not a dependency.
 */
public final class MsBuildProjectParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "nuget/msbuild-project";

    public MsBuildProjectParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.length() > 7 && (name.endsWith(".csproj") || name.endsWith(".fsproj") || name.endsWith(".vbproj"))
               || name.equals(MsBuildFiles.BUILD_PROPS) || name.equals("Directory.Build.targets");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (input.text().isBlank()) {
            return ParseResult.of(List.of());
        }
        XmlNode project;
        try {
            project = SafeXml.parse(input.text());
        } catch (SafeXml.MalformedXmlException e) {
            return ParseResult.failed(new ScanIssue(input.path(), e.line(), ID, e.getMessage()));
        }
        if (!project.name().equals("Project")) {
            return ParseResult.failed(new ScanIssue(input.path(), project.line(), ID,
                                                    "root element is <" + project.name() + ">, not <Project>"));
        }
        Map<String, String> properties = MsBuildFiles.properties(input.tree(), input.path(), project);
        Map<String, String> central = centralVersions(input);
        List<Reference> references = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        for (XmlNode group : project.children("ItemGroup")) {
            for (XmlNode item : group.children("PackageReference")) {
                read(item, input.path(), references, issues);
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Reference reference : references) {
            Optional<String> version = reference.version()
                    .or(() -> Optional.ofNullable(central.get(reference.name().toLowerCase(Locale.ROOT))))
                    .map(v -> MsBuildFiles.expand(v, properties));
            dependencies.add(new Dependency(Ecosystem.NUGET, reference.name(), version,
                                            version.flatMap(MsBuildFiles::exact), reference.scope(), true,
                                            new Evidence(input.path(), reference.line(), Evidence.Kind.MANIFEST, ID)));
        }
        return new ParseResult(dependencies, issues);
    }

    private static void read(XmlNode item, String path, List<Reference> references, List<ScanIssue> issues) {
        Optional<String> version = MsBuildFiles.metadata(item, "VersionOverride")
                .or(() -> MsBuildFiles.metadata(item, "Version"));
        Scope scope = MsBuildFiles.metadata(item, "PrivateAssets").map(a -> a.equalsIgnoreCase("all")).orElse(false)
                ? Scope.BUILD : Scope.RUNTIME;
        Optional<String> update = item.attribute("Update");
        if (update.isPresent()) {
            for (int i = 0; i < references.size(); i++) {
                Reference earlier = references.get(i);
                if (earlier.name().equalsIgnoreCase(update.get())) {
                    references.set(i, new Reference(earlier.name(), version.or(earlier::version),
                                                    scope == Scope.BUILD ? scope : earlier.scope(), earlier.line()));
                }
            }
            return;
        }
        Optional<String> name = item.attribute("Include");
        if (name.isEmpty()) {
            issues.add(new ScanIssue(path, item.line(), ID, "a PackageReference has no Include"));
            return;
        }
        for (String id : name.get().split(";")) {
            if (!id.isBlank()) {
                references.add(new Reference(id.strip(), version, scope, item.line()));
            }
        }
    }

    /** The central versions of the nearest Directory.Packages.props, by lower-cased id, properties expanded. */
    private static Map<String, String> centralVersions(ManifestInput input) {
        Map<String, String> versions = new HashMap<>();
        MsBuildFiles.nearest(input.tree(), input.path(), MsBuildFiles.PACKAGES_PROPS)
                .flatMap(props -> MsBuildFiles.read(input.tree(), props).map(node -> {
                    Map<String, String> properties = MsBuildFiles.properties(input.tree(), props, node);
                    for (XmlNode group : node.children("ItemGroup")) {
                        for (XmlNode version : group.children("PackageVersion")) {
                            version.attribute("Include").ifPresent(id -> MsBuildFiles.metadata(version, "Version")
                                    .ifPresent(v -> versions.put(id.toLowerCase(Locale.ROOT),
                                                                 MsBuildFiles.expand(v, properties))));
                        }
                    }
                    return node;
                }));
        return versions;
    }

    private record Reference(String name, Optional<String> version, Scope scope, int line) {
    }
}
