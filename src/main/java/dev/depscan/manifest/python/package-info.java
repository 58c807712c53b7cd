/**
 * Python manifest parsers: pip requirements files and {@code pyproject.toml} (PEP 621, PEP 735, Poetry, PDM, uv,
 * Flit). They share one PEP 508 requirement reader, and never run {@code setup.py} or anything else from the tree.
 */
package dev.depscan.manifest.python;
