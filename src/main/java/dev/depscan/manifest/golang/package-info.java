/**
 * Go modules: reads {@code go.mod} directive by directive, as the go command's own grammar defines it.
 */
package dev.depscan.manifest.golang;
