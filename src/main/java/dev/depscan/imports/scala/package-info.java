/**
 * Scala: the packages {@code .scala} and {@code .sc} sources import, mapped to Maven coordinates.
 */
package dev.depscan.imports.scala;
