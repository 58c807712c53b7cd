/**
 * Benchmarks run by the {@code .ci/bench-*} scripts: programs that print figures, never timed assertions in the test suite.
 */
package dev.depscan.bench;
