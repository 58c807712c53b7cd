/**
 * .NET: NuGet dependencies from MSBuild projects ({@code PackageReference}), central package management
 * ({@code Directory.Packages.props}), {@code packages.config} and {@code packages.lock.json}.
 */
package dev.depscan.manifest.nuget;
