/**
 * Benchmarks run from {@code bench/}: programs that print figures, never timed assertions in the test suite.
 */
package dev.depscan.bench;
