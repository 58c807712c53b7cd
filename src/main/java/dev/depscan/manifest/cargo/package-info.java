/**
 * Rust: reads {@code Cargo.toml} manifests, following workspace inheritance to the workspace root in the repository.
 */
package dev.depscan.manifest.cargo;
