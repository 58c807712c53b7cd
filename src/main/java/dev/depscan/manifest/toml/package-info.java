/**
 * What TOML readers leave out and every TOML manifest parser needs: the line of a section, key or value, and a
 * nesting guard to run before handing hostile text to the reader.
 */
package dev.depscan.manifest.toml;
