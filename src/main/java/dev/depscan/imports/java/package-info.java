/**
 * Java: the packages {@code .java} sources import, mapped to Maven coordinates.
 */
package dev.depscan.imports.java;
