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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Directory.Packages.props}, NuGet central package management: each {@code <PackageVersion>} is a version
 * constraint for the projects below it, scope MANAGED (like Maven's {@code dependencyManagement}); the projects'
 * versionless references take their versions from it. {@code <GlobalPackageReference>} adds a package to every
 * project below; NuGet makes such packages private assets (analyzers, build tooling), so they are scope BUILD.
 */
public final class DirectoryPackagesPropsParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "nuget/directory-packages-props";

    public DirectoryPackagesPropsParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals(MsBuildFiles.PACKAGES_PROPS) || path.endsWith("/" + MsBuildFiles.PACKAGES_PROPS);
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
        Map<String, String> properties = MsBuildFiles.properties(input.tree(), input.path(), project);
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        for (XmlNode group : project.children("ItemGroup")) {
            for (XmlNode item : group.children()) {
                Scope scope = switch (item.name()) {
                    case "PackageVersion" -> Scope.MANAGED;
                    case "GlobalPackageReference" -> Scope.BUILD;
                    default -> null;
                };
                if (scope == null) {
                    continue;
                }
                Optional<String> id = item.attribute("Include");
                if (id.isEmpty()) {
                    issues.add(new ScanIssue(input.path(), item.line(), ID, "a " + item.name() + " has no Include"));
                    continue;
                }
                Optional<String> version = MsBuildFiles.metadata(item, "Version")
                        .map(v -> MsBuildFiles.expand(v, properties));
                dependencies.add(new Dependency(Ecosystem.NUGET, id.get(), version,
                                                version.flatMap(MsBuildFiles::exact), scope, true,
                                                new Evidence(input.path(), item.line(), Evidence.Kind.MANIFEST, ID)));
            }
        }
        return new ParseResult(dependencies, issues);
    }
}
