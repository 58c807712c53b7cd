/**
 * The JSON reader every JSON manifest parser uses: Jackson with a nesting bound, so hostile input ends in an issue
 * instead of a deep recursion.
 */
package dev.depscan.manifest.json;
