/**
 * The scanner core: walks a {@link dev.depscan.scan.FileSource}, runs every registered manifest parser and import
 * analyzer, and returns immutable findings with their evidence. A plain library: nothing here imports Helidon, CDI
 * or JAX-RS, so the service, a CLI and tests all call the same {@link dev.depscan.scan.Scanner}.
 */
package dev.depscan.scan;
