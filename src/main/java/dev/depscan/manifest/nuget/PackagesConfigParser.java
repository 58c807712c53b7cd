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
import java.util.Optional;

/**
 * {@code packages.config}, the pre-PackageReference NuGet format: every {@code <package id version/>} with its
 * exact version (this format pins every package, transitive ones included, so all are reported as declared);
 * {@code developmentDependency="true"} gives DEV, everything else RUNTIME.
 */
public final class PackagesConfigParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "nuget/packages-config";

    public PackagesConfigParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.equals("packages.config") || path.endsWith("/packages.config");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        if (input.text().isBlank()) {
            return ParseResult.of(List.of());
        }
        XmlNode packages;
        try {
            packages = SafeXml.parse(input.text());
        } catch (SafeXml.MalformedXmlException e) {
            return ParseResult.failed(new ScanIssue(input.path(), e.line(), ID, e.getMessage()));
        }
        if (!packages.name().equals("packages")) {
            return ParseResult.failed(new ScanIssue(input.path(), packages.line(), ID,
                                                    "root element is <" + packages.name() + ">, not <packages>"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        List<ScanIssue> issues = new ArrayList<>();
        for (XmlNode item : packages.children("package")) {
            Optional<String> id = item.attribute("id");
            if (id.isEmpty()) {
                issues.add(new ScanIssue(input.path(), item.line(), ID, "a package has no id"));
                continue;
            }
            Optional<String> version = item.attribute("version");
            Scope scope = item.attribute("developmentDependency").map(Boolean::parseBoolean).orElse(false)
                    ? Scope.DEV : Scope.RUNTIME;
            dependencies.add(new Dependency(Ecosystem.NUGET, id.get(), version, version.flatMap(MsBuildFiles::exact),
                                            scope, true, new Evidence(input.path(), item.line(), Evidence.Kind.MANIFEST,
                                                                      ID)));
        }
        return new ParseResult(dependencies, issues);
    }
}
