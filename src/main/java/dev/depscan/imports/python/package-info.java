/**
 * Python import analysis: a tokenizer that finds the modules each source file imports, and the mapping from those
 * module names to the PyPI packages that provide them, leaving out the standard library and the repository's own code.
 */
package dev.depscan.imports.python;
