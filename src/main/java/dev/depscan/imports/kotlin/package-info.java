/**
 * Kotlin: the packages {@code .kt} and {@code .kts} sources import, mapped to Maven coordinates.
 */
package dev.depscan.imports.kotlin;
