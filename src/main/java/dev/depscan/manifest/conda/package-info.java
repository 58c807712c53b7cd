/**
 * conda: reads environment files, both their conda packages and the PyPI requirements of their {@code pip:} section.
 */
package dev.depscan.manifest.conda;
