/**
 * npm: reads {@code package.json} manifests with a bounded streaming JSON reader, keeping each entry's line.
 */
package dev.depscan.manifest.npm;
