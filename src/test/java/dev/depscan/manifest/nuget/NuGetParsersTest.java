package dev.depscan.manifest.nuget;

import dev.depscan.manifest.FixtureTree;
import dev.depscan.scan.Dependency;
import dev.depscan.scan.spi.ParseResult;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class NuGetParsersTest {

    private final MsBuildProjectParser projects = new MsBuildProjectParser();
    private final DirectoryPackagesPropsParser central = new DirectoryPackagesPropsParser();
    private final PackagesConfigParser packagesConfig = new PackagesConfigParser();
    private final PackagesLockJsonParser lock = new PackagesLockJsonParser();

    @Test
    void readsAMinimalProject() {
        ParseResult result = projects.parse(FixtureTree.of("nuget", "minimal").input("App.csproj"));

        assertThat(FixtureTree.rows(result.dependencies()), contains("Newtonsoft.Json 13.0.3 13.0.3 RUNTIME"));
        assertThat(result.dependencies().getFirst().evidence().line(), is(3));
    }

    @Test
    void resolvesPropertiesCentralVersionsOverridesAndPrivateAssets() {
        ParseResult result = projects.parse(FixtureTree.of("nuget", "realistic").input("src/Shop.Api/Shop.Api.csproj"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "Swashbuckle.AspNetCore 6.6.2 6.6.2 RUNTIME",
                "Serilog.AspNetCore 3.1.1 3.1.1 RUNTIME",
                "Microsoft.EntityFrameworkCore.Design 8.0.6 8.0.6 BUILD",
                "Polly 8.4.0 8.4.0 RUNTIME",
                "Microsoft.VisualStudio.Web.CodeGeneration.Design [8.0.2,9.0) - RUNTIME"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(9, 10, 11, 15, 19));
        assertThat(result.dependencies().stream().allMatch(Dependency::direct), is(true));
        assertThat(result.issues(), empty());
    }

    @Test
    void appliesUpdateItemsAndSplitsSemicolonLists() {
        FixtureTree tree = FixtureTree.of("nuget", "realistic");

        assertThat(FixtureTree.rows(projects.parse(tree.input("src/Shop.Core/Shop.Core.fsproj")).dependencies()),
                   contains("Microsoft.EntityFrameworkCore 8.0.6 8.0.6 RUNTIME", "FSharp.Core 8.0.300 8.0.300 RUNTIME"));
        assertThat(FixtureTree.rows(projects.parse(tree.input("tests/Shop.Tests/Shop.Tests.csproj")).dependencies()),
                   contains("xunit 2.8.1 2.8.1 RUNTIME", "Moq [4.20.70] 4.20.70 RUNTIME",
                            "coverlet.collector 6.0.2 6.0.2 BUILD", "xunit.runner.visualstudio 6.0.2 6.0.2 BUILD"));
        assertThat(FixtureTree.rows(projects.parse(tree.input("Directory.Build.props")).dependencies()),
                   contains("Microsoft.SourceLink.GitHub 8.0.0 8.0.0 BUILD"));
    }

    @Test
    void readsCentralPackageVersionsAsManagedAndGlobalReferencesAsBuild() {
        ParseResult result = central.parse(FixtureTree.of("nuget", "realistic").input("Directory.Packages.props"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "Microsoft.EntityFrameworkCore 8.0.6 8.0.6 MANAGED",
                "Microsoft.EntityFrameworkCore.Design 8.0.6 8.0.6 MANAGED",
                "Microsoft.SourceLink.GitHub 8.0.0 8.0.0 MANAGED",
                "Swashbuckle.AspNetCore 6.6.2 6.6.2 MANAGED",
                "xunit 2.8.1 2.8.1 MANAGED",
                "Moq [4.20.70] 4.20.70 MANAGED",
                "StyleCop.Analyzers 1.2.0-beta.556 1.2.0-beta.556 BUILD"));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(),
                   contains(7, 8, 9, 10, 11, 12, 15));
    }

    @Test
    void readsPackagesConfigWithDevelopmentDependencies() {
        ParseResult result = packagesConfig.parse(FixtureTree.of("nuget", "legacy").input("packages.config"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "EntityFramework 6.4.4 6.4.4 RUNTIME",
                "Newtonsoft.Json 12.0.3 12.0.3 RUNTIME",
                "Microsoft.CodeDom.Providers.DotNetCompilerPlatform 2.0.1 2.0.1 DEV"));
        assertThat(result.issues().getFirst().line(), is(6));
        assertThat(result.issues().getFirst().message(), containsString("no id"));
    }

    @Test
    void readsTheLockFileOncePerPackageAndVersion() {
        ParseResult result = lock.parse(FixtureTree.of("nuget", "lock").input("packages.lock.json"));

        assertThat(FixtureTree.rows(result.dependencies()), contains(
                "Newtonsoft.Json [13.0.3, ) 13.0.3 RUNTIME",
                "Polly 8.4.0 8.4.0 RUNTIME",
                "System.Runtime 4.3.1 4.3.1 RUNTIME"));
        assertThat(result.dependencies().stream().map(Dependency::direct).toList(), contains(true, false, false));
        assertThat(result.dependencies().stream().map(d -> d.evidence().line()).toList(), contains(5, 11, 16));
    }

    @Test
    void readsNothingFromEmptyFiles() {
        FixtureTree tree = FixtureTree.of("nuget", "empty");

        assertThat(projects.parse(tree.input("Empty.csproj")).dependencies(), empty());
        assertThat(packagesConfig.parse(tree.input("packages.config")).dependencies(), empty());
        assertThat(lock.parse(tree.input("packages.lock.json")).issues(), empty());
    }

    @Test
    void turnsMalformedXmlAndDoctypesIntoIssuesWithoutReadingEntities() {
        FixtureTree tree = FixtureTree.of("nuget", "malformed");
        ParseResult broken = projects.parse(tree.input("Broken.csproj"));
        ParseResult xxe = packagesConfig.parse(tree.input("packages.config"));

        assertThat(broken.dependencies(), empty());
        assertThat(broken.issues().size(), is(1));
        assertThat(xxe.dependencies(), empty());
        assertThat(xxe.issues().getFirst().message().toLowerCase(java.util.Locale.ROOT), containsString("doctype"));
        assertThat(xxe.issues().getFirst().message(), org.hamcrest.Matchers.not(containsString("root:")));
    }

    @Test
    void acceptsOnlyTheirFiles() {
        assertThat(projects.accepts("src/App/App.csproj"), is(true));
        assertThat(projects.accepts("App.fsproj"), is(true));
        assertThat(projects.accepts("App.vbproj"), is(true));
        assertThat(projects.accepts("Directory.Build.props"), is(true));
        assertThat(projects.accepts("build/Directory.Build.targets"), is(true));
        assertThat(projects.accepts("App.csproj.user"), is(false));
        assertThat(projects.accepts(".csproj"), is(false));
        assertThat(projects.accepts("Directory.Packages.props"), is(false));
        assertThat(central.accepts("Directory.Packages.props"), is(true));
        assertThat(central.accepts("src/Directory.Packages.props"), is(true));
        assertThat(packagesConfig.accepts("web/packages.config"), is(true));
        assertThat(packagesConfig.accepts("packages.config.bak"), is(false));
        assertThat(lock.accepts("src/App/packages.lock.json"), is(true));
        assertThat(lock.accepts("package-lock.json"), is(false));
    }
}
