/**
 * Gradle: reads build scripts (Groovy and Kotlin DSL) with a small lexer instead of running Gradle, resolving versions
 * from variables, {@code gradle.properties}, {@code buildSrc} constants and version catalogs of the same repository;
 * and reads {@code gradle.lockfile}s.
 */
package dev.depscan.manifest.gradle;
