package dev.depscan.scan;

import dev.depscan.imports.golang.GoImportAnalyzer;
import dev.depscan.imports.java.JavaImportAnalyzer;
import dev.depscan.imports.javascript.JavaScriptImportAnalyzer;
import dev.depscan.imports.kotlin.KotlinImportAnalyzer;
import dev.depscan.imports.python.PythonImportAnalyzer;
import dev.depscan.imports.scala.ScalaImportAnalyzer;
import dev.depscan.manifest.cargo.CargoLockParser;
import dev.depscan.manifest.cargo.CargoTomlParser;
import dev.depscan.manifest.conda.CondaEnvironmentParser;
import dev.depscan.manifest.conda.PixiTomlParser;
import dev.depscan.manifest.docker.CiConfigParser;
import dev.depscan.manifest.docker.ComposeParser;
import dev.depscan.manifest.docker.DevEnvironmentParser;
import dev.depscan.manifest.docker.DockerfileParser;
import dev.depscan.manifest.docker.KubernetesManifestParser;
import dev.depscan.manifest.golang.GoModParser;
import dev.depscan.manifest.gradle.GradleBuildParser;
import dev.depscan.manifest.gradle.GradleLockfileParser;
import dev.depscan.manifest.maven.MavenPomParser;
import dev.depscan.manifest.npm.PackageJsonParser;
import dev.depscan.manifest.npm.PackageLockParser;
import dev.depscan.manifest.npm.PnpmLockParser;
import dev.depscan.manifest.npm.YarnLockParser;
import dev.depscan.manifest.nuget.DirectoryPackagesPropsParser;
import dev.depscan.manifest.nuget.MsBuildProjectParser;
import dev.depscan.manifest.nuget.PackagesConfigParser;
import dev.depscan.manifest.nuget.PackagesLockJsonParser;
import dev.depscan.manifest.php.ComposerJsonParser;
import dev.depscan.manifest.php.ComposerLockParser;
import dev.depscan.manifest.python.PdmLockParser;
import dev.depscan.manifest.python.PipfileLockParser;
import dev.depscan.manifest.python.PipfileParser;
import dev.depscan.manifest.python.PoetryLockParser;
import dev.depscan.manifest.python.PyprojectTomlParser;
import dev.depscan.manifest.python.RequirementsTxtParser;
import dev.depscan.manifest.python.SetupCfgParser;
import dev.depscan.manifest.python.SetupPyParser;
import dev.depscan.manifest.python.UvLockParser;
import dev.depscan.manifest.ruby.GemfileLockParser;
import dev.depscan.manifest.ruby.GemfileParser;
import dev.depscan.manifest.sbt.SbtBuildParser;
import dev.depscan.manifest.terraform.TerraformParser;
import dev.depscan.scan.spi.ImportAnalyzer;
import dev.depscan.scan.spi.ManifestParser;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where parsers and analyzers are registered: adding an ecosystem adds one line to {@link #defaults()}.
 * Plugins are run in registration order, which is also the order of a finding's sources within one file.
 */
public final class PluginRegistry {

    private final List<ManifestParser> parsers;
    private final List<ImportAnalyzer> analyzers;

    private PluginRegistry(List<ManifestParser> parsers, List<ImportAnalyzer> analyzers) {
        this.parsers = List.copyOf(parsers);
        this.analyzers = List.copyOf(analyzers);
        Set<String> ids = new HashSet<>();
        parsers.forEach(p -> requireUnique(ids, p.id()));
        analyzers.forEach(a -> requireUnique(ids, a.id()));
    }

    /** Every built-in plugin. */
    public static PluginRegistry defaults() {
        return of(
                List.of(
                        new RequirementsTxtParser(),
                        new PyprojectTomlParser(),
                        new SetupCfgParser(),
                        new SetupPyParser(),
                        new PipfileParser(),
                        new PipfileLockParser(),
                        new PoetryLockParser(),
                        new UvLockParser(),
                        new PdmLockParser(),
                        new CondaEnvironmentParser(),
                        new PixiTomlParser(),
                        new MavenPomParser(),
                        new GradleBuildParser(),
                        new GradleLockfileParser(),
                        new SbtBuildParser(),
                        new PackageJsonParser(),
                        new PackageLockParser(),
                        new YarnLockParser(),
                        new PnpmLockParser(),
                        new GoModParser(),
                        new CargoTomlParser(),
                        new CargoLockParser(),
                        new GemfileParser(),
                        new GemfileLockParser(),
                        new ComposerJsonParser(),
                        new ComposerLockParser(),
                        new MsBuildProjectParser(),
                        new DirectoryPackagesPropsParser(),
                        new PackagesConfigParser(),
                        new PackagesLockJsonParser(),
                        new DockerfileParser(),
                        new ComposeParser(),
                        new KubernetesManifestParser(),
                        new CiConfigParser(),
                        new DevEnvironmentParser(),
                        new TerraformParser()),
                List.of(
                        new PythonImportAnalyzer(),
                        new GoImportAnalyzer(),
                        new JavaScriptImportAnalyzer(),
                        new JavaImportAnalyzer(),
                        new KotlinImportAnalyzer(),
                        new ScalaImportAnalyzer()));
    }

    /** A registry of exactly these plugins, e.g. for tests or a scan restricted to some formats. */
    public static PluginRegistry of(List<ManifestParser> parsers, List<ImportAnalyzer> analyzers) {
        return new PluginRegistry(parsers, analyzers);
    }

    public List<ManifestParser> parsers() {
        return parsers;
    }

    public List<ImportAnalyzer> analyzers() {
        return analyzers;
    }

    private static void requireUnique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("plugin id registered twice: " + id);
        }
    }
}
