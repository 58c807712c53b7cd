/**
 * What the Java, Kotlin and Scala import analyzers share: masking comments and string literals, and mapping an
 * imported package to Maven coordinates.
 */
package dev.depscan.imports.jvm;
